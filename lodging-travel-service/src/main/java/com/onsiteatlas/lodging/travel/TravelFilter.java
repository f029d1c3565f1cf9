package com.onsiteatlas.lodging.travel;

/**
 * Travel list filters; blank values are already null. The values are checked where the
 * query is built (a 400 naming the parameter).
 *
 * @param status status
 * @param airport arrival or departure airport
 * @param transferRequired whether a leg needs transfer
 * @param arrivalFrom earliest arrival day
 * @param arrivalTo latest arrival day
 * @param search name, e-mail or registration id
 * @param registration registration {@code _id}, ignored for a registrant
 */
record TravelFilter(String status, String airport, Boolean transferRequired, String arrivalFrom, String arrivalTo,
		String search, String registration) {
}
