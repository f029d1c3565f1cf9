package com.onsiteatlas.lodging.registrant;

import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.onsiteatlas.readmodel.ConferenceView;

/**
 * What a registrant's own pages need to know besides its records: who it is here and the
 * conference's name, dates and timezone (to show times in the conference's zone).
 *
 * @param registration the caller's registration, null while the projection has not heard
 * of it
 * @param conference the conference
 */
public record OwnRegistration(Registrant registration, Conference conference) {

	/**
	 * The conference as a registrant sees it.
	 *
	 * @param id the conference id
	 * @param name its name, null when not known yet
	 * @param timezone the IANA zone its times are shown in; UTC when it names none (or an
	 * unknown one) or is not known yet
	 * @param startDate first day
	 * @param endDate last day
	 */
	public record Conference(@JsonProperty("_id") String id, String name, String timezone, Instant startDate,
			Instant endDate) {

		static Conference of(ConferenceView view) {
			String zone = view.zone().equals(ZoneOffset.UTC) ? "UTC" : view.zone().getId();
			return new Conference(view.id(), view.name(), zone, view.startDate(), view.endDate());
		}

		static Conference unknown(String eventId) {
			return new Conference(eventId, null, "UTC", null, null);
		}

	}

}
