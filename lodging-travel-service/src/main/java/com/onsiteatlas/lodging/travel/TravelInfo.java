package com.onsiteatlas.lodging.travel;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * A registration's travel itinerary (ONSITE ATLAS {@code TravelInfo}); one per
 * registration.
 *
 * @param id the id
 * @param event the conference
 * @param registration the registration {@code _id}
 * @param registrationId the human registration id
 * @param traveller the registrant's contact details
 * @param arrival the arrival leg
 * @param departure the departure leg
 * @param documents uploaded documents
 * @param notes notes
 * @param status pending, confirmed or completed
 * @param createdBy who created it
 * @param createdAt created
 * @param updatedAt last changed
 * @param searchText lower-case name, e-mail and registration id for search
 * @param outbox domain events waiting for the relay
 */
@Document(TravelInfo.COLLECTION)
@CompoundIndex(name = "event_registration", def = "{'event': 1, 'registration': 1}", unique = true)
public record TravelInfo(@Id @JsonProperty("_id") String id, String event, String registration, String registrationId,
		PersonalInfo traveller, Leg arrival, Leg departure, List<TravelDocument> documents, String notes,
		TravelStatus status, String createdBy, Instant createdAt, Instant updatedAt, @JsonIgnore String searchText,
		@JsonIgnore List<OutboxMessage> outbox) {

	static final String COLLECTION = "travel_info";

	/**
	 * The text an itinerary is found by.
	 * @param traveller the traveller's contact details
	 * @param registrationId the human registration id
	 * @return lower-case first and last name, e-mail and registration id
	 */
	static String searchText(PersonalInfo traveller, String registrationId) {
		Set<String> parts = new LinkedHashSet<>();
		if (traveller != null) {
			parts.add(traveller.firstName());
			parts.add(traveller.lastName());
			parts.add(traveller.email());
		}
		parts.add(registrationId);
		parts.remove(null);
		return String.join(" ", parts).toLowerCase(Locale.ROOT);
	}

	/**
	 * One of the itinerary's documents.
	 * @param documentId the document id, any case
	 * @return the document, empty when there is none with that id
	 */
	Optional<TravelDocument> document(String documentId) {
		return (this.documents != null)
				? this.documents.stream().filter((document) -> document.id().equalsIgnoreCase(documentId)).findFirst()
				: Optional.empty();
	}

	TravelInfo withOutbox(List<OutboxMessage> messages) {
		return new TravelInfo(this.id, this.event, this.registration, this.registrationId, this.traveller, this.arrival,
				this.departure, this.documents, this.notes, this.status, this.createdBy, this.createdAt, this.updatedAt,
				this.searchText, messages);
	}

	/**
	 * This itinerary with what an update may change; the stored outbox is not carried.
	 * @param arrival the arrival leg
	 * @param departure the departure leg
	 * @param notes notes
	 * @param status status
	 * @param updatedAt when
	 * @return the changed itinerary
	 */
	TravelInfo withItinerary(Leg arrival, Leg departure, String notes, TravelStatus status, Instant updatedAt) {
		return new TravelInfo(this.id, this.event, this.registration, this.registrationId, this.traveller, arrival,
				departure, this.documents, notes, status, this.createdBy, this.createdAt, updatedAt, this.searchText,
				null);
	}

	/**
	 * One direction of the journey.
	 *
	 * @param date the day
	 * @param time local time {@code HH:mm}
	 * @param flightNumber e.g. {@code AI 101}
	 * @param airport IATA code
	 * @param terminal terminal
	 * @param transferRequired whether the registrant needs a transfer
	 */
	public record Leg(Instant date, String time, String flightNumber, String airport, String terminal,
			boolean transferRequired) {
	}

	/**
	 * An uploaded travel document.
	 *
	 * @param id the document id
	 * @param type flight-ticket, visa, passport or other
	 * @param name display name
	 * @param description description
	 * @param fileName sanitised file name
	 * @param fileUrl the authenticated download path
	 * @param fileType content type
	 * @param fileSize bytes
	 * @param encrypted whether the stored bytes are encrypted
	 * @param uploadedAt when
	 * @param uploadedBy who
	 * @param storedFileId the GridFS id
	 */
	public record TravelDocument(@JsonProperty("_id") String id, String type, String name, String description,
			String fileName, String fileUrl, String fileType, Long fileSize, boolean encrypted, Instant uploadedAt,
			String uploadedBy, @JsonIgnore String storedFileId) {
	}

}
