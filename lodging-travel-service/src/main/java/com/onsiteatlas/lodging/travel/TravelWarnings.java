package com.onsiteatlas.lodging.travel;

import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.booking.BookingQueries;
import com.onsiteatlas.lodging.booking.HotelBooking;
import com.onsiteatlas.support.paging.Paged;

/**
 * Adds to itineraries what does not fit the registration's current hotel booking (the
 * newest one not cancelled), with one booking query per page.
 */
@Component
class TravelWarnings {

	private final BookingQueries bookings;

	TravelWarnings(BookingQueries bookings) {
		this.bookings = bookings;
	}

	Mono<TravelInfoResponse> of(TravelInfo travel) {
		return of(List.of(travel)).map((list) -> list.get(0));
	}

	Mono<Paged<TravelInfoResponse>> of(Paged<TravelInfo> page) {
		return of(page.items()).map((items) -> new Paged<>(items, page.total(), page.query()));
	}

	private Mono<List<TravelInfoResponse>> of(List<TravelInfo> travels) {
		if (travels.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> registrations = travels.stream().map(TravelInfo::registration).toList();
		return this.bookings.activeFor(travels.get(0).event(), registrations)
			.collectMultimap(HotelBooking::registration)
			.map((byRegistration) -> travels.stream().map((travel) -> {
				HotelBooking booking = byRegistration.getOrDefault(travel.registration(), List.of())
					.stream()
					.max(Comparator.comparing(HotelBooking::createdAt))
					.orElse(null);
				return new TravelInfoResponse(travel, Itineraries.warnings(travel, booking));
			}).toList());
	}

}
