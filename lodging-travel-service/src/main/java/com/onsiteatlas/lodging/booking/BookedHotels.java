package com.onsiteatlas.lodging.booking;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.hotel.RoomType;
import com.onsiteatlas.support.web.ApiException;

/**
 * The hotel and room type a booking request names: one of the event's hotels (its name,
 * address and contact filled in unless given, the room type one it offers) or a hotel
 * outside the list, named in the request.
 */
@Component
class BookedHotels {

	private final HotelService hotels;

	BookedHotels(HotelService hotels) {
		this.hotels = hotels;
	}

	/**
	 * The hotel of a new booking.
	 * @param eventId the conference
	 * @param request the request
	 * @return the hotel and room type, or a 400
	 */
	Mono<Choice> of(String eventId, BookingRequest request) {
		return resolve(eventId, request.hotelId(), request.hotel(), request.roomType());
	}

	/**
	 * The hotel of a changed booking: what the request changes, the rest as booked.
	 * @param eventId the conference
	 * @param old the booking as read
	 * @param request the request
	 * @return the hotel and room type, or a 400
	 */
	Mono<Choice> ofChange(String eventId, HotelBooking old, BookingRequest request) {
		if (request.hotelId() == null && request.hotel() == null && request.roomType() == null) {
			return Mono.just(new Choice(old.hotel(), old.roomType()));
		}
		String hotelId = (request.hotelId() != null) ? request.hotelId() : old.hotel().hotelId();
		BookingRequest.HotelDetails details = (request.hotel() != null) ? request.hotel() : (request.hotelId() != null)
				? null
				: new BookingRequest.HotelDetails(old.hotel().name(), old.hotel().address(), old.hotel().contactInfo());
		String roomType = (request.roomType() != null) ? request.roomType() : old.roomType();
		return resolve(eventId, hotelId, details, roomType);
	}

	private Mono<Choice> resolve(String eventId, String hotelId, BookingRequest.HotelDetails details, String roomType) {
		if (hotelId != null) {
			return this.hotels.require(eventId, hotelId).map((hotel) -> {
				String typeName = roomType;
				if (roomType != null) {
					RoomType type = hotel.roomType(roomType);
					if (type == null) {
						throw ApiException
							.badRequest("Hotel " + hotel.name() + " has no room type '" + roomType + "'; it offers: "
									+ String.join(", ", hotel.roomTypes().stream().map(RoomType::name).toList()));
					}
					typeName = type.name();
				}
				boolean named = details != null && details.name() != null && !details.name().isBlank();
				return new Choice(new HotelBooking.Hotel(hotel.id(), named ? details.name().trim() : hotel.name(),
						(details != null && details.address() != null) ? details.address() : hotel.addressLine(),
						(details != null && details.contactInfo() != null) ? details.contactInfo()
								: hotel.contactLine()),
						typeName);
			});
		}
		if (details == null || details.name() == null || details.name().isBlank()) {
			return Mono.error(ApiException.badRequest("hotel.name is required when no hotelId is given"));
		}
		return Mono.just(new Choice(
				new HotelBooking.Hotel(null, details.name().trim(), details.address(), details.contactInfo()),
				(roomType != null) ? roomType.trim() : null));
	}

	/**
	 * A hotel and room type as a booking keeps them.
	 *
	 * @param hotel the hotel
	 * @param roomType the room type
	 */
	record Choice(HotelBooking.Hotel hotel, String roomType) {
	}

}
