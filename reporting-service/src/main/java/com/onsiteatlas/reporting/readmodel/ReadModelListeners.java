package com.onsiteatlas.reporting.readmodel;

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
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.domainevents.sponsor.SponsorUpdated;
import com.onsiteatlas.support.messaging.DomainEventListener;

/**
 * Applies the domain events the reports read to the read model
 * ({@link ReadModelProjection}; the registration events go through
 * {@link RegistrationRowBatches}, a batch at a time) and records how far behind the
 * projection is ({@link ProjectionLag}). No processed-id bookkeeping
 * ({@code deduplicate = false}): every write is a guarded upsert or a $set/$addToSet, so
 * a repeat changes nothing.
 */
@Component
class ReadModelListeners {

	private final ReadModelProjection projection;

	private final ProjectionLag lag;

	ReadModelListeners(ReadModelProjection projection, ProjectionLag lag) {
		this.projection = projection;
		this.lag = lag;
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onAbstractSubmitted(EventEnvelope<AbstractSubmitted> envelope) {
		AbstractSubmitted e = envelope.data();
		return applied(envelope, this.projection.abstractRow(e.event(), e.abstractInfo(), e.registration(), e.author(),
				null, e.occurredAt(), true));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onAbstractStatusChanged(EventEnvelope<AbstractStatusChanged> envelope) {
		AbstractStatusChanged e = envelope.data();
		return applied(envelope, this.projection.abstractRow(e.event(), e.abstractInfo(), e.registration(), e.author(),
				e.reason(), e.occurredAt(), false));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onResourceUsed(EventEnvelope<ResourceUsed> envelope) {
		return applied(envelope, this.projection.resource(envelope.data()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onSponsorCreated(EventEnvelope<SponsorCreated> envelope) {
		SponsorCreated e = envelope.data();
		return applied(envelope, this.projection.sponsor(e.event(), e.sponsor(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onSponsorUpdated(EventEnvelope<SponsorUpdated> envelope) {
		SponsorUpdated e = envelope.data();
		return applied(envelope, this.projection.sponsor(e.event(), e.sponsor(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingCreated(EventEnvelope<HotelBookingCreated> envelope) {
		HotelBookingCreated e = envelope.data();
		return applied(envelope, this.projection.hotel(e.event(), e.registration(), e.booking(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingUpdated(EventEnvelope<HotelBookingUpdated> envelope) {
		HotelBookingUpdated e = envelope.data();
		return applied(envelope, this.projection.hotel(e.event(), e.registration(), e.booking(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingStatusChanged(EventEnvelope<HotelBookingStatusChanged> envelope) {
		HotelBookingStatusChanged e = envelope.data();
		return applied(envelope, this.projection.hotel(e.event(), e.registration(), e.booking(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onHotelBookingCancelled(EventEnvelope<HotelBookingCancelled> envelope) {
		HotelBookingCancelled e = envelope.data();
		return applied(envelope, this.projection.hotel(e.event(), e.registration(), e.booking(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onTravelInfoCreated(EventEnvelope<TravelInfoCreated> envelope) {
		TravelInfoCreated e = envelope.data();
		return applied(envelope, this.projection.travel(e.event(), e.registration(), e.travel(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onTravelInfoUpdated(EventEnvelope<TravelInfoUpdated> envelope) {
		TravelInfoUpdated e = envelope.data();
		return applied(envelope, this.projection.travel(e.event(), e.registration(), e.travel(), e.occurredAt()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onNotificationSent(EventEnvelope<NotificationSent> envelope) {
		return applied(envelope, this.projection.notificationSent(envelope.data()));
	}

	@DomainEventListener(deduplicate = false)
	Mono<Void> onNotificationFailed(EventEnvelope<NotificationFailed> envelope) {
		return applied(envelope, this.projection.notificationFailed(envelope.data()));
	}

	private Mono<Void> applied(EventEnvelope<?> envelope, Mono<Void> apply) {
		return apply.then(Mono.fromRunnable(() -> this.lag.applied(envelope.topic(), envelope.time())));
	}

}
