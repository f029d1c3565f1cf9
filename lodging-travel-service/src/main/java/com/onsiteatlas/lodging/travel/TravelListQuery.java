package com.onsiteatlas.lodging.travel;

import com.onsiteatlas.support.web.ApiException;

/**
 * The query string of the travel list, bound by name
 * ({@code ?airport=BLR&transferRequired=true&sortBy=arrivalDate:asc}), as sent; the
 * paging parameters are bound by the controller's {@code @Paging}.
 *
 * @param status status
 * @param airport arrival or departure airport
 * @param transferRequired {@code true} or {@code false}
 * @param arrivalFrom earliest arrival day
 * @param arrivalTo latest arrival day
 * @param search name, e-mail or registration id
 * @param registration registration {@code _id}
 */
record TravelListQuery(String status, String airport, String transferRequired, String arrivalFrom, String arrivalTo,
		String search, String registration) {

	/**
	 * The filters asked for.
	 * @return the filters; a 400 when {@code transferRequired} is neither true nor false
	 */
	TravelFilter filter() {
		return new TravelFilter(blank(this.status), blank(this.airport),
				flag(this.transferRequired, "transferRequired"), this.arrivalFrom, this.arrivalTo, blank(this.search),
				blank(this.registration));
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static Boolean flag(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw ApiException.badRequest("'" + name + "' must be true or false");
		}
		return Boolean.valueOf(value);
	}

}
