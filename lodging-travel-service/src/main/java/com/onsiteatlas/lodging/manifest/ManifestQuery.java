package com.onsiteatlas.lodging.manifest;

/**
 * The query string of the transfer manifest, bound by name
 * ({@code ?from=2027-01-19&to=2027-01-21&direction=arrivals&windowMinutes=30}), as sent;
 * {@link TransferManifests} checks it.
 *
 * @param from first day, {@code YYYY-MM-DD}
 * @param to last day
 * @param direction arrivals, departures or both (the default)
 * @param windowMinutes the pick-up window, 5 to 1440
 * @param airport only this airport
 */
record ManifestQuery(String from, String to, String direction, String windowMinutes, String airport) {
}
