package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingSnapshot;
import com.onsiteatlas.domainevents.lodging.TravelSnapshot;
import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.delivery.Notification;
import com.onsiteatlas.notification.delivery.SendRequest;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateModel;

/**
 * Runs the event triggers of a conference when one of the contract's domain events
 * arrives: every active trigger of that type whose conditions hold on the payload sends
 * each of its templates. The unique key (envelope id, trigger, registration, channel)
 * makes redeliveries harmless. Events older than {@code trigger-max-age}, and replayed
 * ones ({@code atlasreplay}, e.g. the legacy backfill) whatever their age, only feed the
 * read models: neither a fresh instance replaying the topics nor a backfill may re-send
 * history. {@link TriggerListeners} hands it each event with its {@link Subject}.
 */
@Component
class EventTriggers {

	private static final Logger logger = LoggerFactory.getLogger(EventTriggers.class);

	private final TriggerQueries triggers;

	private final TriggerRuns runs;

	private final ObjectMapper json;

	private final Duration maxAge;

	private final Clock clock;

	EventTriggers(TriggerQueries triggers, TriggerRuns runs, ObjectMapper json, NotificationProperties properties,
			Clock clock) {
		this.triggers = triggers;
		this.runs = runs;
		this.clock = clock;
		this.json = json;
		this.maxAge = properties.triggerMaxAge();
	}

	/**
	 * Runs the conference's triggers of the envelope's type for what it is about.
	 * @param envelope the domain event
	 * @param subject who and what it is about
	 * @param <T> the payload type
	 * @return completes when the sends are queued
	 */
	<T extends DomainEventPayload> Mono<Void> run(EventEnvelope<T> envelope, Subject subject) {
		if (envelope.isReplay()) {
			logger.debug("Not running triggers for {} {}: a replay of history", envelope.type(), envelope.id());
			return Mono.empty();
		}
		if (envelope.time().isBefore(this.clock.instant().minus(this.maxAge))) {
			logger.debug("Not running triggers for {} {}: older than {}", envelope.type(), envelope.id(), this.maxAge);
			return Mono.empty();
		}
		String eventId = subject.event().id();
		String eventType = EventCatalog.standard().forPayload(envelope.data().getClass()).name();
		return this.triggers.eventTriggers(eventId, eventType)
			.concatMap((trigger) -> requests(envelope, subject, trigger))
			.as(this.runs::enqueue)
			.doOnNext((result) -> {
				if (result.queued() + result.duplicates() + result.skipped() > 0) {
					logger.info("{} {} queued {} notification(s) ({} already recorded, {} skipped)", eventType,
							envelope.id(), result.queued(), result.duplicates(), result.skipped());
				}
			})
			.then();
	}

	private Flux<SendRequest> requests(EventEnvelope<?> envelope, Subject subject, NotificationTrigger trigger) {
		Map<String, Object> payload = this.json.convertValue(envelope.data(), new TypeReference<>() {
		});
		TemplateModel builder = TemplateModel.create()
			.conference(subject.event(), null)
			.registration(subject.registration());
		if (subject.registration() == null) {
			builder.person(subject.person());
		}
		subject.extras().forEach(builder::put);
		Map<String, Object> model = builder.payload(payload).build();
		if (!Conditions.all(trigger.conditions(), model)) {
			return Flux.empty();
		}
		PersonalInfo person = (subject.registration() != null) ? subject.registration().personalInfo()
				: subject.person();
		if (person == null) {
			return Flux.empty();
		}
		Notification.Recipient recipient = new Notification.Recipient(person.fullName(), person.email(),
				person.phone());
		String registration = (subject.registration() != null) ? subject.registration().id() : null;
		String registrationId = (subject.registration() != null) ? subject.registration().registrationId() : null;
		return this.runs.activeTemplates(trigger).flatMapIterable((templates) -> {
			List<SendRequest> requests = new ArrayList<>();
			for (NotificationTemplate template : templates) {
				requests.add(new SendRequest(subject.event().id(), registration, registrationId, trigger.id(), template,
						model, recipient, OneTimeFacts.sourceKey(envelope), "event"));
			}
			return requests;
		});
	}

	static java.time.ZoneId zone(ConferenceRef event) {
		try {
			return (event.timezone() != null) ? java.time.ZoneId.of(event.timezone()) : java.time.ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return java.time.ZoneOffset.UTC;
		}
	}

	static Map<String, Object> hotel(HotelBookingSnapshot booking) {
		return extras("hotelName", booking.hotel().name(), "checkInDate", booking.checkInDate(), "checkOutDate",
				booking.checkOutDate(), "roomType", booking.roomType(), "bookingReference", booking.bookingReference(),
				"bookingStatus", booking.bookingStatus());
	}

	static Map<String, Object> travel(TravelSnapshot travel) {
		return extras("travelStatus", travel.status(), "arrivalDate",
				(travel.arrival() != null) ? travel.arrival().date() : null, "arrivalFlight",
				(travel.arrival() != null) ? travel.arrival().flightNumber() : null, "departureDate",
				(travel.departure() != null) ? travel.departure().date() : null, "departureFlight",
				(travel.departure() != null) ? travel.departure().flightNumber() : null);
	}

	static Map<String, Object> extras(Object... pairs) {
		Map<String, Object> extras = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			if (value != null) {
				extras.put((String) pairs[i], (value instanceof Instant instant) ? instant.toString() : value);
			}
		}
		return extras;
	}

	/**
	 * Who and what a domain event is about.
	 *
	 * @param event the conference
	 * @param registration the registration, may be null (abstracts without one)
	 * @param person the person when there is no registration
	 * @param extras type-specific variables
	 */
	record Subject(ConferenceRef event, RegistrationSnapshot registration, PersonalInfo person,
			Map<String, Object> extras) {
	}

}
