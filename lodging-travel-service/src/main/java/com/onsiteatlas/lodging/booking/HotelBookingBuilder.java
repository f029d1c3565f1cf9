package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.util.List;

import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * Builds a booking field by field; {@link HotelBooking#toBuilder()} starts from an
 * existing one, so that a change names only the fields it changes.
 */
final class HotelBookingBuilder {

	private String id;

	private String event;

	private String registration;

	private String registrationId;

	private PersonalInfo guest;

	private HotelBooking.Hotel hotel;

	private String roomType;

	private String roomNumber;

	private HotelBooking.CheckIn checkIn;

	private HotelBooking.CheckOut checkOut;

	private int nights;

	private String bookingReference;

	private BookingStatus bookingStatus;

	private HotelBooking.ConfirmationDocument confirmationDocument;

	private String specialRequests;

	private String notes;

	private List<String> flags;

	private HotelBooking.RoomBlockHold roomBlock;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	private String searchText;

	private List<OutboxMessage> outbox;

	HotelBookingBuilder() {
	}

	HotelBookingBuilder(HotelBooking booking) {
		this.id = booking.id();
		this.event = booking.event();
		this.registration = booking.registration();
		this.registrationId = booking.registrationId();
		this.guest = booking.guest();
		this.hotel = booking.hotel();
		this.roomType = booking.roomType();
		this.roomNumber = booking.roomNumber();
		this.checkIn = booking.checkIn();
		this.checkOut = booking.checkOut();
		this.nights = booking.nights();
		this.bookingReference = booking.bookingReference();
		this.bookingStatus = booking.bookingStatus();
		this.confirmationDocument = booking.confirmationDocument();
		this.specialRequests = booking.specialRequests();
		this.notes = booking.notes();
		this.flags = booking.flags();
		this.roomBlock = booking.roomBlock();
		this.createdBy = booking.createdBy();
		this.createdAt = booking.createdAt();
		this.updatedAt = booking.updatedAt();
		this.searchText = booking.searchText();
		this.outbox = booking.outbox();
	}

	HotelBookingBuilder id(String id) {
		this.id = id;
		return this;
	}

	HotelBookingBuilder event(String event) {
		this.event = event;
		return this;
	}

	HotelBookingBuilder registration(String registration) {
		this.registration = registration;
		return this;
	}

	HotelBookingBuilder registrationId(String registrationId) {
		this.registrationId = registrationId;
		return this;
	}

	HotelBookingBuilder guest(PersonalInfo guest) {
		this.guest = guest;
		return this;
	}

	HotelBookingBuilder hotel(HotelBooking.Hotel hotel) {
		this.hotel = hotel;
		return this;
	}

	HotelBookingBuilder roomType(String roomType) {
		this.roomType = roomType;
		return this;
	}

	HotelBookingBuilder roomNumber(String roomNumber) {
		this.roomNumber = roomNumber;
		return this;
	}

	HotelBookingBuilder checkIn(HotelBooking.CheckIn checkIn) {
		this.checkIn = checkIn;
		return this;
	}

	HotelBookingBuilder checkOut(HotelBooking.CheckOut checkOut) {
		this.checkOut = checkOut;
		return this;
	}

	HotelBookingBuilder nights(int nights) {
		this.nights = nights;
		return this;
	}

	HotelBookingBuilder bookingReference(String bookingReference) {
		this.bookingReference = bookingReference;
		return this;
	}

	HotelBookingBuilder bookingStatus(BookingStatus bookingStatus) {
		this.bookingStatus = bookingStatus;
		return this;
	}

	HotelBookingBuilder confirmationDocument(HotelBooking.ConfirmationDocument confirmationDocument) {
		this.confirmationDocument = confirmationDocument;
		return this;
	}

	HotelBookingBuilder specialRequests(String specialRequests) {
		this.specialRequests = specialRequests;
		return this;
	}

	HotelBookingBuilder notes(String notes) {
		this.notes = notes;
		return this;
	}

	HotelBookingBuilder flags(List<String> flags) {
		this.flags = flags;
		return this;
	}

	HotelBookingBuilder roomBlock(HotelBooking.RoomBlockHold roomBlock) {
		this.roomBlock = roomBlock;
		return this;
	}

	HotelBookingBuilder createdBy(String createdBy) {
		this.createdBy = createdBy;
		return this;
	}

	HotelBookingBuilder createdAt(Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	HotelBookingBuilder updatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
		return this;
	}

	HotelBookingBuilder searchText(String searchText) {
		this.searchText = searchText;
		return this;
	}

	HotelBookingBuilder outbox(List<OutboxMessage> outbox) {
		this.outbox = outbox;
		return this;
	}

	HotelBooking build() {
		return new HotelBooking(this.id, this.event, this.registration, this.registrationId, this.guest, this.hotel,
				this.roomType, this.roomNumber, this.checkIn, this.checkOut, this.nights, this.bookingReference,
				this.bookingStatus, this.confirmationDocument, this.specialRequests, this.notes, this.flags,
				this.roomBlock, this.createdBy, this.createdAt, this.updatedAt, this.searchText, this.outbox);
	}

}
