package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.domainevents.lodging.HotelBookingCancelled;
import com.onsiteatlas.domainevents.lodging.HotelBookingCreated;
import com.onsiteatlas.domainevents.lodging.HotelBookingSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingStatusChanged;
import com.onsiteatlas.domainevents.lodging.HotelBookingUpdated;
import com.onsiteatlas.domainevents.lodging.TravelInfoCreated;
import com.onsiteatlas.domainevents.lodging.TravelInfoUpdated;
import com.onsiteatlas.domainevents.lodging.TravelSnapshot;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.delivery.Notification;
import com.onsiteatlas.notification.delivery.SendRequest;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.template.TemplateModel;
import com.onsiteatlas.support.messaging.DomainEventHandler;
import com.onsiteatlas.support.messaging.DomainEventHandlers;

/**
 * Runs the event triggers of a conference when one of the contract's domain events
 * arrives: every active trigger of that type whose conditions hold on the payload sends
 * each of its templates. The unique key (envelope id, trigger, registration, channel)
 * makes redeliveries harmless. Events older than {@code trigger-max-age} only feed the
 * read models: a fresh instance replaying the topics must not re-send history.
 */
@Configuration(proxyBeanMethods = false)
class EventTriggers {

	private static final Logger logger = LoggerFactory.getLogger(EventTriggers.class);

	private static final String NAME = "EventTriggers";

	private final TriggerService triggers;

	private final ObjectMapper json;

	private final Duration maxAge;

	private final Clock clock;

	EventTriggers(TriggerService triggers, ObjectMapper json, NotificationProperties properties, Clock clock) {
		this.triggers = triggers;
		this.clock = clock;
		this.json = json;
		this.maxAge = properties.triggerMaxAge();
	}

	@Bean
	DomainEventHandlers eventTriggerHandlers() {
		return new DomainEventHandlers(List.of(
				handler(RegistrationCreated.class, (p) -> new Subject(p.event(), p.registration(), null, Map.of())),
				handler(RegistrationUpdated.class, (p) -> new Subject(p.event(), p.registration(), null, Map.of())),
				handler(RegistrationCancelled.class,
						(p) -> new Subject(p.event(), p.registration(), null, extras("reason", p.reason()))),
				handler(PaymentReceived.class,
						(p) -> new Subject(p.event(), p.registration(), null,
								extras("amountCents", p.amountCents(), "amount",
										java.math.BigDecimal.valueOf(p.amountCents()).movePointLeft(2).toPlainString(),
										"currency", p.currency(), "transactionId", p.paymentId(), "paymentDate",
										p.capturedAt(), "paymentMethod", p.method(), "invoiceUrl", p.invoiceUrl()))),
				handler(AbstractSubmitted.class,
						(p) -> new Subject(p.event(), p.registration(), p.author(),
								extras("abstractTitle", p.abstractInfo().title(), "abstractNumber",
										p.abstractInfo().abstractNumber()))),
				handler(AbstractStatusChanged.class,
						(p) -> new Subject(p.event(), p.registration(), p.author(),
								extras("abstractTitle", p.abstractInfo().title(), "abstractNumber",
										p.abstractInfo().abstractNumber(), "abstractStatus", p.newStatus().value(),
										"reason", p.reason(), "revisionDeadline", p.revisionDeadline()))),
				handler(WorkshopRegistered.class,
						(p) -> new Subject(p.event(), p.registration(), null, extras("workshopTitle",
								p.workshop().title(), "workshopDate", p.workshop().startDateTime(), "workshopTime",
								(p.workshop().startDateTime() != null)
										? p.workshop().startDateTime().atZone(zone(p.event())).toLocalTime().toString()
										: null,
								"workshopLocation", p.workshop().venue()))),
				handler(CheckInCompleted.class,
						(p) -> new Subject(p.event(), p.registration(), null, extras("checkedInAt", p.checkedInAt()))),
				handler(HotelBookingCreated.class,
						(p) -> new Subject(p.event(), p.registration(), null, hotel(p.booking()))),
				handler(HotelBookingUpdated.class,
						(p) -> new Subject(p.event(), p.registration(), null, hotel(p.booking()))),
				handler(HotelBookingStatusChanged.class,
						(p) -> new Subject(p.event(), p.registration(), null, hotel(p.booking()))),
				handler(HotelBookingCancelled.class,
						(p) -> new Subject(p.event(), p.registration(), null, hotel(p.booking()))),
				handler(TravelInfoCreated.class,
						(p) -> new Subject(p.event(), p.registration(), null, travel(p.travel()))),
				handler(TravelInfoUpdated.class,
						(p) -> new Subject(p.event(), p.registration(), null, travel(p.travel())))));
	}

	/**
	 * No processed-id bookkeeping: every send is recorded under its unique key (envelope
	 * id, trigger, registration, channel), so running a redelivered event again only
	 * counts duplicates. Skipping the bookkeeping saves two database round trips per
	 * consumed event, half of the consumer's work for an event without triggers.
	 */
	private <T extends DomainEventPayload> DomainEventHandler<T> handler(Class<T> type, Function<T, Subject> subject) {
		return DomainEventHandler.of(NAME, type, false, (envelope) -> on(envelope, subject.apply(envelope.data())));
	}

	<T extends DomainEventPayload> Mono<Void> on(EventEnvelope<T> envelope, Subject subject) {
		if (envelope.time().isBefore(this.clock.instant().minus(this.maxAge))) {
			logger.debug("Not running triggers for {} {}: older than {}", envelope.type(), envelope.id(), this.maxAge);
			return Mono.empty();
		}
		String eventId = subject.event().id();
		String eventType = EventCatalog.standard().forPayload(envelope.data().getClass()).name();
		return this.triggers.eventTriggers(eventId, eventType)
			.concatMap((trigger) -> requests(envelope, subject, trigger))
			.as(this.triggers::enqueue)
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
		return this.triggers.activeTemplates(trigger).flatMapIterable((templates) -> {
			List<SendRequest> requests = new ArrayList<>();
			for (NotificationTemplate template : templates) {
				requests.add(new SendRequest(subject.event().id(), registration, registrationId, trigger.id(), template,
						model, recipient, envelope.id(), "event"));
			}
			return requests;
		});
	}

	private static java.time.ZoneId zone(ConferenceRef event) {
		try {
			return (event.timezone() != null) ? java.time.ZoneId.of(event.timezone()) : java.time.ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return java.time.ZoneOffset.UTC;
		}
	}

	private static Map<String, Object> hotel(HotelBookingSnapshot booking) {
		return extras("hotelName", booking.hotel().name(), "checkInDate", booking.checkInDate(), "checkOutDate",
				booking.checkOutDate(), "roomType", booking.roomType(), "bookingReference", booking.bookingReference(),
				"bookingStatus", booking.bookingStatus());
	}

	private static Map<String, Object> travel(TravelSnapshot travel) {
		return extras("travelStatus", travel.status(), "arrivalDate",
				(travel.arrival() != null) ? travel.arrival().date() : null, "arrivalFlight",
				(travel.arrival() != null) ? travel.arrival().flightNumber() : null, "departureDate",
				(travel.departure() != null) ? travel.departure().date() : null, "departureFlight",
				(travel.departure() != null) ? travel.departure().flightNumber() : null);
	}

	private static Map<String, Object> extras(Object... pairs) {
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
