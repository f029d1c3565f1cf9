package com.onsiteatlas.reporting.conference;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.onsiteatlas.readmodel.ConferenceView;

/**
 * A conference as the console lists it.
 *
 * @param id conference id
 * @param name name
 * @param startDate first day
 * @param endDate last day
 * @param timezone IANA zone id, null meaning UTC
 * @param venue where it takes place, may be null
 * @param status draft, published or archived
 * @param currency default currency
 * @param locale locale such as {@code en-IN}
 */
public record ConferenceSummary(@JsonProperty("_id") String id, String name, Instant startDate, Instant endDate,
		String timezone, Place venue, String status, String currency, String locale) {

	static ConferenceSummary of(ConferenceView view) {
		Place venue = (view.venue() != null)
				? new Place(view.venue().name(), view.venue().city(), view.venue().country()) : null;
		return new ConferenceSummary(view.id(), view.name(), view.startDate(), view.endDate(), view.timezone(), venue,
				view.status(), view.currency(), view.locale());
	}

	/**
	 * The venue's name and place.
	 *
	 * @param name venue name
	 * @param city city
	 * @param country country
	 */
	public record Place(String name, String city, String country) {

	}

}
