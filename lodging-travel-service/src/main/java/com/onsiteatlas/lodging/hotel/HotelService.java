package com.onsiteatlas.lodging.hotel;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Hotels and their room types.
 */
@Service
public class HotelService {

	private final HotelRepository hotels;

	private final ObjectProvider<HotelReferences> references;

	private final Clock clock;

	HotelService(HotelRepository hotels, ObjectProvider<HotelReferences> references, Clock clock) {
		this.hotels = hotels;
		this.references = references;
		this.clock = clock;
	}

	/**
	 * A hotel of an event.
	 * @param eventId the conference
	 * @param id the hotel id
	 * @return the hotel, or a 404
	 */
	public Mono<Hotel> get(String eventId, String id) {
		String hotelId = ObjectIds.require(id, "hotel id");
		return this.hotels.findById(hotelId)
			.filter((hotel) -> eventId.equals(hotel.event()))
			.switchIfEmpty(Mono.error(ApiException.notFound("Hotel not found")));
	}

	/**
	 * A hotel of an event that a request body names, or a 400.
	 * @param eventId the conference
	 * @param id the hotel id from the body
	 * @return the hotel
	 */
	public Mono<Hotel> require(String eventId, String id) {
		String hotelId = ObjectIds.require(id, "hotelId");
		return this.hotels.findById(hotelId)
			.filter((hotel) -> eventId.equals(hotel.event()))
			.switchIfEmpty(Mono.error(ApiException.badRequest("Hotel " + hotelId + " is not a hotel of this event")));
	}

	Mono<Paged<Hotel>> list(String eventId, PageQuery page, String search, Boolean official, String city) {
		return this.hotels.page(eventId, search, official, city, page);
	}

	Mono<Hotel> create(String eventId, HotelRequest request, String userId) {
		if (request.name() == null || request.name().isBlank()) {
			return Mono.error(ApiException.badRequest("Validation failed: name: is required"));
		}
		Instant now = this.clock.instant();
		List<RoomType> roomTypes = roomTypes(request.roomTypes(), List.of());
		Hotel hotel = new Hotel(new ObjectId().toHexString(), eventId, request.name().trim(), request.description(),
				request.address(), request.contactInfo(), (request.images() != null) ? request.images() : List.of(),
				roomTypes, (request.isOfficial() != null) ? request.isOfficial() : true, request.distanceToVenue(),
				request.notes(), userId, now, now, null);
		return this.hotels.insert(withSearchText(hotel));
	}

	Mono<Hotel> update(String eventId, String id, HotelRequest request) {
		if (request.name() != null && request.name().isBlank()) {
			return Mono.error(ApiException.badRequest("Validation failed: name: must not be blank"));
		}
		return get(eventId, id).flatMap((old) -> {
			Hotel hotel = new Hotel(old.id(), old.event(),
					(request.name() != null) ? request.name().trim() : old.name(),
					pick(request.description(), old.description()), pick(request.address(), old.address()),
					pick(request.contactInfo(), old.contactInfo()), pick(request.images(), old.images()),
					(request.roomTypes() != null) ? roomTypes(request.roomTypes(), old.roomTypes()) : old.roomTypes(),
					(request.isOfficial() != null) ? request.isOfficial() : old.isOfficial(),
					pick(request.distanceToVenue(), old.distanceToVenue()), pick(request.notes(), old.notes()),
					old.createdBy(), old.createdAt(), this.clock.instant(), null);
			return this.hotels.save(withSearchText(hotel));
		});
	}

	/**
	 * Deletes a hotel unless bookings (not cancelled) or room-block nights with booked
	 * rooms refer to it (409 saying how many); its empty room-block nights go with it.
	 */
	Mono<Hotel> delete(String eventId, String id) {
		return get(eventId, id).flatMap((hotel) -> {
			List<HotelReferences> all = this.references.orderedStream().toList();
			return Flux.fromIterable(all)
				.concatMap((reference) -> reference.blockingDeletion(eventId, hotel.id()))
				.collectList()
				.flatMap((blockers) -> {
					if (!blockers.isEmpty()) {
						return Mono
							.error(ApiException.conflict("Hotel " + hotel.name() + " cannot be deleted: it still has "
									+ String.join(" and ", blockers) + "; cancel or move them first"));
					}
					return Flux.fromIterable(all)
						.concatMap((reference) -> reference.deleteWithHotel(eventId, hotel.id()))
						.then(this.hotels.delete(hotel))
						.thenReturn(hotel);
				});
		});
	}

	/**
	 * Removes every hotel of a deleted event.
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.hotels.removeAllOfEvent(eventId);
	}

	private static <T> T pick(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static List<RoomType> roomTypes(List<HotelRequest.RoomTypeRequest> requested, List<RoomType> existing) {
		if (requested == null) {
			return List.of();
		}
		Set<String> names = new HashSet<>();
		for (HotelRequest.RoomTypeRequest type : requested) {
			if (!names.add(type.name().trim().toLowerCase(Locale.ROOT))) {
				throw ApiException.badRequest(
						"Room type names must be unique within a hotel: '" + type.name().trim() + "' appears twice");
			}
		}
		return requested.stream().map((type) -> {
			String name = type.name().trim();
			String id = (existing != null) ? existing.stream()
				.filter((old) -> old.name().equalsIgnoreCase(name))
				.map(RoomType::id)
				.findFirst()
				.orElse(null) : null;
			return new RoomType((id != null) ? id : new ObjectId().toHexString(), name, type.description(),
					type.capacity(), (type.amenities() != null) ? type.amenities() : List.of(),
					RoomPrices.toMinorUnits(type.price(), type.priceCents(), type.currency()),
					(type.currency() != null) ? type.currency() : "INR");
		}).toList();
	}

	private static Hotel withSearchText(Hotel hotel) {
		String city = (hotel.address() != null && hotel.address().city() != null) ? hotel.address().city() : "";
		String text = (hotel.name() + " " + city).toLowerCase(Locale.ROOT);
		return new Hotel(hotel.id(), hotel.event(), hotel.name(), hotel.description(), hotel.address(),
				hotel.contactInfo(), hotel.images(), hotel.roomTypes(), hotel.isOfficial(), hotel.distanceToVenue(),
				hotel.notes(), hotel.createdBy(), hotel.createdAt(), hotel.updatedAt(), text);
	}

}
