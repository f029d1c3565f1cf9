package com.onsiteatlas.reporting.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.reporting.readmodel.RegistrationRows.Snapshot;
import com.onsiteatlas.support.messaging.DomainEventBatchHandler;
import com.onsiteatlas.readmodel.NewerOnlyUpserts;

/**
 * Applies the registration events of a polled batch to the registration rows at once
 * ({@link DomainEventBatchHandler}): the newest snapshot of each registration as one bulk
 * of newer-only upserts. A registration whose events in the batch include a check-in, a
 * workshop or a payment (which write more than the registration row) has its events
 * applied one after the other through {@link RegistrationRows}, as before. No
 * processed-id bookkeeping: every write is a guarded upsert or a $set/$addToSet.
 */
@Component
class RegistrationRowBatches implements DomainEventBatchHandler {

	private static final Set<Class<? extends DomainEventPayload>> SNAPSHOTS = Set.of(RegistrationCreated.class,
			RegistrationUpdated.class, RegistrationCancelled.class);

	private final RegistrationRows registrations;

	private final ProjectionLag lag;

	RegistrationRowBatches(RegistrationRows registrations, ProjectionLag lag) {
		this.registrations = registrations;
		this.lag = lag;
	}

	@Override
	public String name() {
		return "RegistrationRows";
	}

	@Override
	public Set<Class<? extends DomainEventPayload>> payloadTypes() {
		return Set.of(RegistrationCreated.class, RegistrationUpdated.class, RegistrationCancelled.class,
				CheckInCompleted.class, WorkshopRegistered.class, PaymentReceived.class, PaymentRefunded.class);
	}

	@Override
	public Mono<Void> onBatch(List<EventEnvelope<DomainEventPayload>> events) {
		Map<String, List<DomainEventPayload>> byRegistration = new LinkedHashMap<>();
		for (EventEnvelope<DomainEventPayload> event : events) {
			byRegistration.computeIfAbsent(registrationId(event.data()), (id) -> new ArrayList<>()).add(event.data());
		}
		List<Snapshot> snapshots = new ArrayList<>();
		List<List<DomainEventPayload>> oneByOne = new ArrayList<>();
		for (List<DomainEventPayload> registration : byRegistration.values()) {
			if (registration.stream().allMatch((payload) -> SNAPSHOTS.contains(payload.getClass()))) {
				Instant firstSeenAt = snapshot(registration.get(0), null).occurredAt();
				registration.forEach((payload) -> snapshots.add(snapshot(payload, firstSeenAt)));
			}
			else {
				oneByOne.add(registration);
			}
		}
		Mono<Void> bulk = this.registrations.registrations(NewerOnlyUpserts.newestPerKey(snapshots,
				(snapshot) -> snapshot.registration().id(), Snapshot::occurredAt));
		Mono<Void> inOrder = Flux.fromIterable(oneByOne)
			.flatMap((registration) -> Flux.fromIterable(registration).concatMap(this::applyOne).then())
			.then();
		return Mono.when(bulk, inOrder)
			.then(Mono.fromRunnable(() -> events.forEach((event) -> this.lag.applied(event.topic(), event.time()))));
	}

	private Mono<Void> applyOne(DomainEventPayload payload) {
		if (payload instanceof CheckInCompleted e) {
			return this.registrations.checkIn(e);
		}
		if (payload instanceof WorkshopRegistered e) {
			return this.registrations.workshop(e);
		}
		if (payload instanceof PaymentReceived e) {
			return this.registrations.payment(e);
		}
		if (payload instanceof PaymentRefunded e) {
			return this.registrations.refund(e);
		}
		Snapshot snapshot = snapshot(payload, null);
		return this.registrations.registration(snapshot.event(), snapshot.registration(), snapshot.occurredAt());
	}

	private static String registrationId(DomainEventPayload payload) {
		if (payload instanceof CheckInCompleted e) {
			return e.registration().id();
		}
		if (payload instanceof WorkshopRegistered e) {
			return e.registration().id();
		}
		if (payload instanceof PaymentReceived e) {
			return e.registration().id();
		}
		if (payload instanceof PaymentRefunded e) {
			return e.registration().id();
		}
		return snapshot(payload, null).registration().id();
	}

	private static Snapshot snapshot(DomainEventPayload payload, Instant firstSeenAt) {
		if (payload instanceof RegistrationCreated e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt(), firstSeenAt);
		}
		if (payload instanceof RegistrationUpdated e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt(), firstSeenAt);
		}
		if (payload instanceof RegistrationCancelled e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt(), firstSeenAt);
		}
		throw new IllegalArgumentException("Not a registration snapshot: " + payload.getClass().getName());
	}

}
