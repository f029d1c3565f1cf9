package com.onsiteatlas.lodging.travel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.lodging.TravelInfoCreated;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.web.ApiException;

/**
 * Stores itinerary changes. Each change is one single-document write, conditional on the
 * itinerary being unchanged since it was read (else 409), that carries its domain event
 * in the document's outbox.
 */
@Component
class TravelWriter {

	private final TravelInfoRepository travels;

	private final Registrants registrants;

	private final Outbox outbox;

	private final Clock clock;

	TravelWriter(TravelInfoRepository travels, Registrants registrants, Outbox outbox, Clock clock) {
		this.travels = travels;
		this.registrants = registrants;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Stores a new itinerary with its created event; a second one for the registration is
	 * a 409.
	 * @param travel the itinerary
	 * @param registration its registration
	 * @return the itinerary as stored
	 */
	Mono<TravelInfo> insert(TravelInfo travel, RegistrationView registration) {
		return this.registrants.conference(travel.event())
			.flatMap(
					(conference) -> this.outbox.entry(
							new TravelInfoCreated(conference, Registrants.snapshot(registration),
									TravelEvents.snapshot(travel), travel.createdAt(), travel.createdBy()),
							travel.event()))
			.flatMap((message) -> this.travels.insert(travel.withOutbox(List.of(message))))
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException
						.conflict("This registration already has travel info; update it with PUT /travel-info/{id}"))
			.doOnSuccess((saved) -> this.outbox.nudge());
	}

	/**
	 * Applies a change with the domain event it causes.
	 * @param before the itinerary as read
	 * @param change the change
	 * @param eventOf the event, given the conference and registration
	 * @return the itinerary as stored
	 */
	Mono<TravelInfo> write(TravelInfo before, TravelChange change,
			Function<TravelEvents.Context, DomainEventPayload> eventOf) {
		return context(before).flatMap((context) -> this.outbox.entry(eventOf.apply(context), before.event()))
			.flatMap((message) -> this.travels.changeIfUnchanged(before, change, message))
			.switchIfEmpty(Mono.error(() -> ApiException
				.conflict("The travel info was changed by someone else meanwhile; reload it and retry")))
			.doOnNext((saved) -> this.outbox.nudge());
	}

	/**
	 * Removes an itinerary.
	 * @param travel the itinerary as read
	 * @return the removed itinerary, or a 404 when it is gone already
	 */
	Mono<TravelInfo> remove(TravelInfo travel) {
		return this.travels.removeById(travel.id())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Travel info not found")));
	}

	private Mono<TravelEvents.Context> context(TravelInfo travel) {
		return Mono
			.zip(this.registrants.conference(travel.event()),
					this.registrants.find(travel.event(), travel.registration())
						.map(Registrants::snapshot)
						.defaultIfEmpty(TravelEvents.remembered(travel)))
			.map((tuple) -> new TravelEvents.Context(tuple.getT1(), tuple.getT2()));
	}

	/**
	 * The time of a change, to the millisecond MongoDB keeps.
	 * @return now
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
