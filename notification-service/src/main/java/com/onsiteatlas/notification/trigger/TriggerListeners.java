package com.onsiteatlas.notification.trigger;

import java.math.BigDecimal;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.domainevents.lodging.HotelBookingCancelled;
import com.onsiteatlas.domainevents.lodging.HotelBookingCreated;
import com.onsiteatlas.domainevents.lodging.HotelBookingStatusChanged;
import com.onsiteatlas.domainevents.lodging.HotelBookingUpdated;
import com.onsiteatlas.domainevents.lodging.TravelInfoCreated;
import com.onsiteatlas.domainevents.lodging.TravelInfoUpdated;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.notification.trigger.EventTriggers.Subject;
import com.onsiteatlas.support.messaging.DomainEventListener;

import static com.onsiteatlas.notification.trigger.EventTriggers.extras;
import static com.onsiteatlas.notification.trigger.EventTriggers.hotel;
import static com.onsiteatlas.notification.trigger.EventTriggers.travel;
import static com.onsiteatlas.notification.trigger.EventTriggers.zone;

/**
 * The domain events that can trigger sends: each says who and what it is about and hands
 * that to {@link EventTriggers}. No processed-id bookkeeping
 * ({@code deduplicate = false}): every send is recorded under its unique key (envelope
 * id, trigger, registration, channel), so running a redelivered event again only counts
 * duplicates. Skipping the bookkeeping saves two database round trips per consumed event,
 * half of the consumer's work for an event without triggers.
 */
@Component
class TriggerListeners {

	private final EventTriggers triggers;

	TriggerListeners(EventTriggers triggers) {
		this.triggers = triggers;
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onRegistrationCreated(EventEnvelope<RegistrationCreated> envelope) {
		RegistrationCreated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, Map.of()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onRegistrationUpdated(EventEnvelope<RegistrationUpdated> envelope) {
		RegistrationUpdated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, Map.of()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onRegistrationCancelled(EventEnvelope<RegistrationCancelled> envelope) {
		RegistrationCancelled p = envelope.data();
		return this.triggers.run(envelope,
				new Subject(p.event(), p.registration(), null, extras("reason", p.reason())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onPaymentReceived(EventEnvelope<PaymentReceived> envelope) {
		PaymentReceived p = envelope.data();
		return this.triggers.run(envelope,
				new Subject(p.event(), p.registration(), null,
						extras("amountCents", p.amountCents(), "amount",
								BigDecimal.valueOf(p.amountCents()).movePointLeft(2).toPlainString(), "currency",
								p.currency(), "transactionId", p.paymentId(), "paymentDate", p.capturedAt(),
								"paymentMethod", p.method(), "invoiceUrl", p.invoiceUrl())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onAbstractSubmitted(EventEnvelope<AbstractSubmitted> envelope) {
		AbstractSubmitted p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), p.author(), extras("abstractTitle",
				p.abstractInfo().title(), "abstractNumber", p.abstractInfo().abstractNumber())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onAbstractStatusChanged(EventEnvelope<AbstractStatusChanged> envelope) {
		AbstractStatusChanged p = envelope.data();
		return this.triggers.run(envelope,
				new Subject(p.event(), p.registration(), p.author(),
						extras("abstractTitle", p.abstractInfo().title(), "abstractNumber",
								p.abstractInfo().abstractNumber(), "abstractStatus", p.newStatus().value(), "reason",
								p.reason(), "revisionDeadline", p.revisionDeadline())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onWorkshopRegistered(EventEnvelope<WorkshopRegistered> envelope) {
		WorkshopRegistered p = envelope.data();
		return this.triggers.run(envelope,
				new Subject(p.event(), p.registration(), null, extras("workshopTitle", p.workshop().title(),
						"workshopDate", p.workshop().startDateTime(), "workshopTime",
						(p.workshop().startDateTime() != null)
								? p.workshop().startDateTime().atZone(zone(p.event())).toLocalTime().toString() : null,
						"workshopLocation", p.workshop().venue())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onCheckInCompleted(EventEnvelope<CheckInCompleted> envelope) {
		CheckInCompleted p = envelope.data();
		return this.triggers.run(envelope,
				new Subject(p.event(), p.registration(), null, extras("checkedInAt", p.checkedInAt())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingCreated(EventEnvelope<HotelBookingCreated> envelope) {
		HotelBookingCreated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, hotel(p.booking())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingUpdated(EventEnvelope<HotelBookingUpdated> envelope) {
		HotelBookingUpdated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, hotel(p.booking())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingStatusChanged(EventEnvelope<HotelBookingStatusChanged> envelope) {
		HotelBookingStatusChanged p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, hotel(p.booking())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingCancelled(EventEnvelope<HotelBookingCancelled> envelope) {
		HotelBookingCancelled p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, hotel(p.booking())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onTravelInfoCreated(EventEnvelope<TravelInfoCreated> envelope) {
		TravelInfoCreated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, travel(p.travel())));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onTravelInfoUpdated(EventEnvelope<TravelInfoUpdated> envelope) {
		TravelInfoUpdated p = envelope.data();
		return this.triggers.run(envelope, new Subject(p.event(), p.registration(), null, travel(p.travel())));
	}

}
