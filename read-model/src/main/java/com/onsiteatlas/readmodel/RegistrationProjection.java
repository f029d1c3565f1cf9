package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.support.messaging.DomainEventBatchHandler;
import com.onsiteatlas.support.messaging.DomainEventHandler;

/**
 * Keeps {@link RegistrationView} up to date. Every registration event carries the full
 * snapshot, so each one simply replaces the stored state, unless a newer event was
 * already applied (events of one registration share a partition, but a replay or a
 * producer's retry may bring an old one again).
 * <p>
 * It handles a polled batch at once ({@link DomainEventBatchHandler}): of the events of
 * one registration in the batch only the newest is written, and the registrations of the
 * batch are written as one unordered bulk of newer-only upserts
 * ({@link NewerOnlyUpserts}). A registration whose events in the batch include a check-in
 * or a workshop (which add to the document rather than replace it) has its events applied
 * one after the other, as a per-envelope handler would.
 */
public class RegistrationProjection implements DomainEventBatchHandler {

	private static final Set<Class<? extends DomainEventPayload>> SNAPSHOTS = Set.of(RegistrationCreated.class,
			RegistrationUpdated.class, RegistrationCancelled.class, PaymentReceived.class);

	/**
	 * Guarded upserts: applying an event twice leaves the same state, so no bookkeeping
	 * is needed.
	 */
	private static final boolean DEDUPLICATE = false;

	private static final String NAME = "RegistrationProjection";

	private final ReactiveMongoTemplate mongo;

	private final MongoConverter converter;

	public RegistrationProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		this.converter = mongo.getConverter();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Set<Class<? extends DomainEventPayload>> payloadTypes() {
		return Set.of(RegistrationCreated.class, RegistrationUpdated.class, RegistrationCancelled.class,
				PaymentReceived.class, CheckInCompleted.class, WorkshopRegistered.class);
	}

	/**
	 * The handlers that feed the projection, one per registration event type; the
	 * consumer hands them a whole batch at once.
	 * @return one handler per registration event type
	 */
	@Override
	public List<DomainEventHandler<?>> handlers() {
		return DomainEventBatchHandler.super.handlers();
	}

	@Override
	public Mono<Void> onBatch(List<EventEnvelope<DomainEventPayload>> events) {
		Map<String, List<DomainEventPayload>> byRegistration = new LinkedHashMap<>();
		for (EventEnvelope<DomainEventPayload> event : events) {
			byRegistration.computeIfAbsent(snapshot(event.data()).registration().id(), (id) -> new ArrayList<>())
				.add(event.data());
		}
		List<Snapshot> snapshots = new ArrayList<>();
		List<List<DomainEventPayload>> oneByOne = new ArrayList<>();
		for (List<DomainEventPayload> registration : byRegistration.values()) {
			if (registration.stream().allMatch((payload) -> SNAPSHOTS.contains(payload.getClass()))) {
				registration.forEach((payload) -> snapshots.add(snapshot(payload)));
			}
			else {
				oneByOne.add(registration);
			}
		}
		// A document created by this batch was first seen at the first event of its
		// registration, as when the events are applied one by one.
		Map<String, Instant> firstSeen = new LinkedHashMap<>();
		snapshots.forEach((snapshot) -> firstSeen.putIfAbsent(snapshot.registration().id(), snapshot.occurredAt()));
		List<NewerOnlyUpserts.Upsert> upserts = NewerOnlyUpserts
			.newestPerKey(snapshots, (snapshot) -> snapshot.registration().id(), Snapshot::occurredAt)
			.stream()
			.map((snapshot) -> upsert(snapshot, firstSeen.get(snapshot.registration().id())))
			.toList();
		return Mono.when(NewerOnlyUpserts.write(this.mongo, RegistrationView.COLLECTION, upserts),
				Flux.fromIterable(oneByOne)
					.flatMap((registration) -> Flux.fromIterable(registration).concatMap(this::applyOne).then()));
	}

	private Mono<Void> applyOne(DomainEventPayload payload) {
		if (payload instanceof CheckInCompleted e) {
			return apply(e.event(), e.registration(), e.occurredAt(),
					new Update().set("checkIn", new Document("isCheckedIn", true).append("checkedInAt", e.checkedInAt())
						.append("checkedInBy", e.checkedInBy())));
		}
		if (payload instanceof WorkshopRegistered e) {
			return workshop(e);
		}
		Snapshot snapshot = snapshot(payload);
		return apply(snapshot.event(), snapshot.registration(), snapshot.occurredAt(), null);
	}

	private NewerOnlyUpserts.Upsert upsert(Snapshot snapshot, Instant firstSeenAt) {
		RegistrationSnapshot registration = snapshot.registration();
		Document set = new Document("eventId", snapshot.event().id())
			.append("registrationId", registration.registrationId())
			.append("personalInfo", this.converter.convertToMongoType(registration.personalInfo()))
			.append("category", this.converter.convertToMongoType(registration.category()))
			.append("status", registration.status())
			.append("paymentStatus", registration.paymentStatus())
			.append("registrationType", registration.registrationType())
			.append("amountCents", registration.amountCents())
			.append("currency", registration.currency())
			.append("customFields", this.converter.convertToMongoType(registration.customFields()))
			.append("searchText", searchText(registration));
		return new NewerOnlyUpserts.Upsert(storedId(registration.id()), snapshot.occurredAt(), set,
				new Document("firstSeenAt", Date.from(firstSeenAt)));
	}

	/**
	 * The id as the per-envelope upsert stores it: Spring Data writes a valid ObjectId
	 * hex string as an ObjectId.
	 */
	static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
	}

	private static Snapshot snapshot(DomainEventPayload payload) {
		if (payload instanceof RegistrationCreated e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		if (payload instanceof RegistrationUpdated e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		if (payload instanceof RegistrationCancelled e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		if (payload instanceof PaymentReceived e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		if (payload instanceof CheckInCompleted e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		if (payload instanceof WorkshopRegistered e) {
			return new Snapshot(e.event(), e.registration(), e.occurredAt());
		}
		throw new IllegalArgumentException("Not a registration event: " + payload.getClass().getName());
	}

	Mono<Void> apply(ConferenceRef event, RegistrationSnapshot registration, Instant occurredAt, Update extra) {
		Update update = (extra != null) ? extra : new Update();
		update.set("eventId", event.id())
			.set("registrationId", registration.registrationId())
			.set("personalInfo", this.converter.convertToMongoType(registration.personalInfo()))
			.set("category", this.converter.convertToMongoType(registration.category()))
			.set("status", registration.status())
			.set("paymentStatus", registration.paymentStatus())
			.set("registrationType", registration.registrationType())
			.set("amountCents", registration.amountCents())
			.set("currency", registration.currency())
			.set("customFields", this.converter.convertToMongoType(registration.customFields()))
			.set("searchText", searchText(registration))
			.set("lastEventTime", occurredAt)
			.setOnInsert("firstSeenAt", occurredAt);
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query newerOnly = Query.query(Criteria.where("_id")
			.is(registration.id())
			.orOperator(Criteria.where("lastEventTime").exists(false),
					Criteria.where("lastEventTime").lte(occurredAt)));
		// An older event than the stored one matches nothing; the upsert's insert then
		// collides on _id: ignore it.
		return this.mongo.upsert(newerOnly, update, RegistrationView.COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	private Mono<Void> workshop(WorkshopRegistered registered) {
		Document workshop = new Document("workshopId", registered.workshop().workshopId())
			.append("title", registered.workshop().title())
			.append("startDateTime", registered.workshop().startDateTime())
			.append("venue", registered.workshop().venue());
		return apply(registered.event(), registered.registration(), registered.occurredAt(), null)
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(registered.registration().id())),
					new Update().addToSet("workshops", workshop), RegistrationView.COLLECTION))
			.then();
	}

	static String searchText(RegistrationSnapshot registration) {
		PersonalInfo info = registration.personalInfo();
		return Stream
			.of(info.firstName(), info.lastName(), info.email(), info.phone(), info.organization(),
					registration.registrationId())
			.filter((part) -> part != null && !part.isBlank())
			.map((part) -> part.toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(" "));
	}

	/**
	 * What every registration event carries.
	 *
	 * @param event the conference
	 * @param registration the registration's state after the event
	 * @param occurredAt when it happened
	 */
	private record Snapshot(ConferenceRef event, RegistrationSnapshot registration, Instant occurredAt) {

	}

}
