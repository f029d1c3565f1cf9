package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * A hotel booking (ONSITE ATLAS {@code HotelBooking}) with the hotel's name and address
 * kept for display, a reference to the hotel when it is one of the event's, and the room
 * block nights it holds.
 *
 * @param id the booking id
 * @param event the conference
 * @param registration the registration {@code _id}
 * @param registrationId the human registration id
 * @param guest the registrant's contact details
 * @param hotel the hotel
 * @param roomType the room type
 * @param roomNumber the room number
 * @param checkIn check-in
 * @param checkOut check-out
 * @param nights number of nights
 * @param bookingReference the hotel's reference
 * @param bookingStatus pending, confirmed, cancelled, checked-in or checked-out
 * @param confirmationDocument the uploaded confirmation
 * @param specialRequests the guest's requests
 * @param notes staff notes
 * @param flags attention flags, e.g. {@code registration-cancelled}
 * @param roomBlock the room block nights this booking holds, null when none
 * @param createdBy who created it
 * @param createdAt created
 * @param updatedAt last changed
 * @param searchText lower-case name, e-mail and registration id for search
 * @param outbox domain events waiting for the relay
 */
@Document(HotelBooking.COLLECTION)
@CompoundIndex(name = "event_registration", def = "{'event': 1, 'registration': 1}")
@CompoundIndex(name = "event_status", def = "{'event': 1, 'bookingStatus': 1}")
public record HotelBooking(@Id @JsonProperty("_id") String id, String event, String registration, String registrationId,
		PersonalInfo guest, Hotel hotel, String roomType, String roomNumber, CheckIn checkIn, CheckOut checkOut,
		int nights, String bookingReference, BookingStatus bookingStatus, ConfirmationDocument confirmationDocument,
		String specialRequests, String notes, List<String> flags, RoomBlockHold roomBlock, String createdBy,
		Instant createdAt, Instant updatedAt, @JsonIgnore String searchText, @JsonIgnore List<OutboxMessage> outbox) {

	static final String COLLECTION = "hotel_bookings";

	static HotelBookingBuilder builder() {
		return new HotelBookingBuilder();
	}

	/**
	 * A builder that starts from this booking, so a change names only what changes.
	 * @return the builder
	 */
	HotelBookingBuilder toBuilder() {
		return new HotelBookingBuilder(this);
	}

	HotelBooking withStatus(BookingStatus status) {
		return toBuilder().bookingStatus(status).build();
	}

	HotelBooking withRoomBlock(RoomBlockHold hold) {
		return toBuilder().roomBlock(hold).build();
	}

	HotelBooking withOutbox(List<OutboxMessage> messages) {
		return toBuilder().outbox(messages).build();
	}

	/**
	 * The text a booking is found by.
	 * @param guest the guest's contact details
	 * @param registrationId the human registration id
	 * @return lower-case first and last name, e-mail and registration id
	 */
	static String searchText(PersonalInfo guest, String registrationId) {
		Set<String> parts = new LinkedHashSet<>();
		if (guest != null) {
			parts.add(guest.firstName());
			parts.add(guest.lastName());
			parts.add(guest.email());
		}
		parts.add(registrationId);
		parts.remove(null);
		return String.join(" ", parts).toLowerCase(Locale.ROOT);
	}

	/**
	 * This booking without what only staff see (notes, flags, the room-block hold, who
	 * created it), as a registrant gets it.
	 * @return the reduced booking
	 */
	HotelBooking withoutStaffFields() {
		return toBuilder().notes(null)
			.flags(null)
			.roomBlock(null)
			.createdBy(null)
			.searchText(null)
			.outbox(null)
			.build();
	}

	/**
	 * The hotel of a booking.
	 *
	 * @param hotelId the event's hotel, null for a hotel outside the list
	 * @param name name
	 * @param address address
	 * @param contactInfo contact
	 */
	public record Hotel(@JsonProperty("_id") String hotelId, String name, String address, String contactInfo) {
	}

	/**
	 * Check-in date, expected time and whether the guest checked in.
	 *
	 * @param date the day
	 * @param time expected time {@code HH:mm}
	 * @param isCheckedIn checked in
	 * @param checkedInAt when
	 */
	public record CheckIn(Instant date, String time, @JsonProperty("isCheckedIn") boolean isCheckedIn,
			Instant checkedInAt) {

		CheckIn checkedIn(Instant at) {
			return new CheckIn(this.date, this.time, true, at);
		}

	}

	/**
	 * Check-out date, expected time and whether the guest checked out.
	 *
	 * @param date the day
	 * @param time expected time {@code HH:mm}
	 * @param isCheckedOut checked out
	 * @param checkedOutAt when
	 */
	public record CheckOut(Instant date, String time, @JsonProperty("isCheckedOut") boolean isCheckedOut,
			Instant checkedOutAt) {

		CheckOut checkedOut(Instant at) {
			return new CheckOut(this.date, this.time, true, at);
		}

	}

	/**
	 * The uploaded booking confirmation.
	 *
	 * @param fileName sanitised name
	 * @param fileUrl the authenticated download path
	 * @param fileType content type
	 * @param fileSize bytes
	 * @param uploadedAt when
	 * @param uploadedBy who
	 * @param storedFileId the GridFS id
	 */
	public record ConfirmationDocument(String fileName, String fileUrl, String fileType, Long fileSize,
			Instant uploadedAt, String uploadedBy, @JsonIgnore String storedFileId) {
	}

	/**
	 * The room-block nights a booking holds.
	 *
	 * @param hotelId the hotel
	 * @param roomType the room type
	 * @param nights the nights, {@code YYYY-MM-DD}
	 */
	public record RoomBlockHold(String hotelId, String roomType, List<String> nights) {
	}

}
