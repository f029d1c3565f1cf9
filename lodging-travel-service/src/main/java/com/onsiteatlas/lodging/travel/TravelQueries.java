package com.onsiteatlas.lodging.travel;

import java.time.Instant;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Reads itineraries within what the caller may see (staff every one of their event, a
 * registrant its own), and the legs needing transfer for the manifest.
 */
@Service
public class TravelQueries {

	private final TravelInfoRepository travels;

	private final Registrants registrants;

	TravelQueries(TravelInfoRepository travels, Registrants registrants) {
		this.travels = travels;
		this.registrants = registrants;
	}

	/**
	 * An itinerary the viewer may see; another registrant's is a 404.
	 * @param eventId the conference
	 * @param id the itinerary id
	 * @param viewer the caller
	 * @return the itinerary
	 */
	Mono<TravelInfo> get(String eventId, String id, Viewer viewer) {
		String travelId = ObjectIds.require(id, "travel info id");
		return this.travels.findById(travelId)
			.filter((travel) -> eventId.equals(travel.event()) && viewer.mayAccess(travel.registration()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Travel info not found")));
	}

	Mono<Paged<TravelInfo>> list(String eventId, Viewer viewer, PageQuery page, TravelFilter filter) {
		String registration = null;
		if (viewer.isRegistrant()) {
			registration = viewer.registrationId();
		}
		else if (filter.registration() != null) {
			registration = ObjectIds.require(filter.registration(), "registration");
		}
		TravelStatus status = (filter.status() != null) ? TravelStatus.of(filter.status()) : null;
		String airport = (filter.airport() != null) ? filter.airport().trim().toUpperCase(Locale.ROOT) : null;
		Instant from = Dates.parse(filter.arrivalFrom(), "arrivalFrom");
		Instant to = Dates.parse(filter.arrivalTo(), "arrivalTo");
		TravelSearch search = new TravelSearch(eventId, registration, status, airport, filter.transferRequired(), from,
				to, filter.search());
		return this.travels.page(search, page);
	}

	Mono<TravelInfo> byRegistration(String eventId, Viewer viewer, String registration) {
		return this.registrants.resolve(eventId, registration)
			.filter(viewer::mayAccess)
			.flatMap((id) -> this.travels.findOfRegistration(eventId, id))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("No travel info for this registration")));
	}

	/**
	 * Itineraries with a leg needing transfer in a date range, for the transfer manifest.
	 * @param eventId the conference
	 * @param arrivals arrivals (true) or departures (false)
	 * @param from first day
	 * @param to last day
	 * @return the itineraries
	 */
	public Flux<TravelInfo> transfers(String eventId, boolean arrivals, Instant from, Instant to) {
		return this.travels.findTransfers(eventId, arrivals, from, to);
	}

}
