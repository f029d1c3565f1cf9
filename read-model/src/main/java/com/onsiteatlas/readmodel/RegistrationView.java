package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.domainevents.CategoryRef;
import com.onsiteatlas.domainevents.PersonalInfo;

/**
 * A registration as this service last heard of it.
 *
 * @param id the registration {@code _id}
 * @param eventId the conference
 * @param registrationId the human id ({@code REG-0001})
 * @param personalInfo contact details
 * @param category the category
 * @param status active, cancelled or no-show
 * @param paymentStatus pending, paid or failed
 * @param registrationType the registration type
 * @param amountCents amount due
 * @param currency currency of the amount
 * @param customFields custom registration fields
 * @param checkIn check-in state
 * @param workshops workshops signed up for
 * @param searchText lower-case name, e-mail, id and organisation, for regex search (no
 * {@code $text} on the embedded server)
 * @param firstSeenAt when the first event about it arrived
 * @param lastEventTime time of the newest event applied; older events are ignored
 */
@Document(RegistrationView.COLLECTION)
public record RegistrationView(@Id @JsonProperty("_id") String id, String eventId, String registrationId,
		PersonalInfo personalInfo, CategoryRef category, String status, String paymentStatus, String registrationType,
		Long amountCents, String currency, Map<String, Object> customFields, CheckIn checkIn, List<Workshop> workshops,
		String searchText, Instant firstSeenAt, Instant lastEventTime) {

	public static final String COLLECTION = "registrations";

	public boolean isActive() {
		return "active".equals(this.status);
	}

	/**
	 * Check-in state.
	 *
	 * @param isCheckedIn whether checked in
	 * @param checkedInAt when
	 * @param checkedInBy staff user id
	 */
	public record CheckIn(boolean isCheckedIn, Instant checkedInAt, String checkedInBy) {
	}

	/**
	 * A workshop registration.
	 *
	 * @param workshopId workshop id
	 * @param title title
	 * @param startDateTime start
	 * @param venue where
	 */
	public record Workshop(String workshopId, String title, Instant startDateTime, String venue) {
	}

}
