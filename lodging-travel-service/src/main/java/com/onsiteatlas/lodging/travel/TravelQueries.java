package com.onsiteatlas.lodging.travel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.paging.MongoPaging;
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

	private final ReactiveMongoTemplate mongo;

	private final Registrants registrants;

	TravelQueries(ReactiveMongoTemplate mongo, Registrants registrants) {
		this.mongo = mongo;
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
		return this.mongo.findById(travelId, TravelInfo.class)
			.filter((travel) -> eventId.equals(travel.event()) && viewer.mayAccess(travel.registration()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Travel info not found")));
	}

	Mono<Paged<TravelInfo>> list(String eventId, Viewer viewer, PageQuery page, TravelFilter filter) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (viewer.isRegistrant()) {
			criteria.and("registration").is(viewer.registrationId());
		}
		else if (filter.registration() != null) {
			criteria.and("registration").is(ObjectIds.require(filter.registration(), "registration"));
		}
		if (filter.status() != null) {
			criteria.and("status").is(TravelStatus.of(filter.status()).value());
		}
		List<Criteria> and = new ArrayList<>();
		if (filter.airport() != null) {
			String airport = filter.airport().trim().toUpperCase(Locale.ROOT);
			and.add(new Criteria().orOperator(Criteria.where("arrival.airport").is(airport),
					Criteria.where("departure.airport").is(airport)));
		}
		if (filter.transferRequired() != null) {
			if (filter.transferRequired()) {
				and.add(new Criteria().orOperator(Criteria.where("arrival.transferRequired").is(true),
						Criteria.where("departure.transferRequired").is(true)));
			}
			else {
				and.add(Criteria.where("arrival.transferRequired").ne(true));
				and.add(Criteria.where("departure.transferRequired").ne(true));
			}
		}
		Instant from = Dates.parse(filter.arrivalFrom(), "arrivalFrom");
		Instant to = Dates.parse(filter.arrivalTo(), "arrivalTo");
		if (from != null) {
			and.add(Criteria.where("arrival.date").gte(from));
		}
		if (to != null) {
			and.add(Criteria.where("arrival.date").lte(to));
		}
		if (filter.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(filter.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (!and.isEmpty()) {
			criteria.andOperator(and);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), TravelInfo.class, page);
	}

	Mono<TravelInfo> byRegistration(String eventId, Viewer viewer, String registration) {
		return this.registrants.resolve(eventId, registration)
			.filter(viewer::mayAccess)
			.flatMap((id) -> this.mongo
				.findOne(Query.query(Criteria.where("event").is(eventId).and("registration").is(id)), TravelInfo.class))
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
		String leg = arrivals ? "arrival" : "departure";
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and(leg + ".transferRequired")
			.is(true)
			.and(leg + ".date")
			.gte(from)
			.lte(to)), TravelInfo.class);
	}

}
