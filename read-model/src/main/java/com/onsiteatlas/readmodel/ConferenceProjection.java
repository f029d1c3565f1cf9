package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.conference.ConferenceSnapshot;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.conference.EventDeleted;
import com.onsiteatlas.domainevents.conference.EventUpdated;
import com.onsiteatlas.support.messaging.DomainEventBatchHandler;
import com.onsiteatlas.support.messaging.DomainEventHandler;

/**
 * Keeps {@link ConferenceView} up to date from event-created/updated/deleted. A deleted
 * conference is kept as a tombstone ({@code deleted: true}) so late events about it can
 * be recognised.
 * <p>
 * It handles a polled batch at once ({@link DomainEventBatchHandler}): the newest
 * created/updated snapshot of each conference in the batch, as one unordered bulk of
 * newer-only upserts; a conference with a deletion in the batch has its events applied
 * one after the other.
 */
public class ConferenceProjection implements DomainEventBatchHandler {

	/**
	 * Guarded upserts: applying an event twice leaves the same state, so no bookkeeping
	 * is needed.
	 */
	private static final boolean DEDUPLICATE = false;

	private static final String NAME = "ConferenceProjection";

	private final ReactiveMongoTemplate mongo;

	public ConferenceProjection(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Set<Class<? extends DomainEventPayload>> payloadTypes() {
		return Set.of(EventCreated.class, EventUpdated.class, EventDeleted.class);
	}

	/**
	 * The handlers that feed the projection; the consumer hands them a whole batch at
	 * once.
	 * @return one handler per conference event type
	 */
	@Override
	public List<DomainEventHandler<?>> handlers() {
		return DomainEventBatchHandler.super.handlers();
	}

	@Override
	public Mono<Void> onBatch(List<EventEnvelope<DomainEventPayload>> events) {
		Map<String, List<DomainEventPayload>> byConference = new LinkedHashMap<>();
		for (EventEnvelope<DomainEventPayload> event : events) {
			byConference.computeIfAbsent(conferenceId(event.data()), (id) -> new ArrayList<>()).add(event.data());
		}
		List<DomainEventPayload> snapshots = new ArrayList<>();
		List<List<DomainEventPayload>> oneByOne = new ArrayList<>();
		for (List<DomainEventPayload> conference : byConference.values()) {
			if (conference.stream().noneMatch(EventDeleted.class::isInstance)) {
				snapshots.addAll(conference);
			}
			else {
				oneByOne.add(conference);
			}
		}
		List<NewerOnlyUpserts.Upsert> upserts = NewerOnlyUpserts
			.newestPerKey(snapshots, ConferenceProjection::conferenceId, ConferenceProjection::occurredAt)
			.stream()
			.map((payload) -> upsert(snapshot(payload), occurredAt(payload)))
			.toList();
		return Mono.when(NewerOnlyUpserts.write(this.mongo, ConferenceView.COLLECTION, upserts),
				Flux.fromIterable(oneByOne)
					.flatMap((conference) -> Flux.fromIterable(conference).concatMap(this::applyOne).then()));
	}

	private Mono<Void> applyOne(DomainEventPayload payload) {
		if (payload instanceof EventDeleted e) {
			return upsertNewer(e.eventId(), e.occurredAt(),
					new Update().set("deleted", true).setOnInsert("name", e.name()));
		}
		return apply(snapshot(payload), occurredAt(payload));
	}

	private NewerOnlyUpserts.Upsert upsert(ConferenceSnapshot event, Instant occurredAt) {
		var converter = this.mongo.getConverter();
		Document set = new Document("name", event.name()).append("startDate", Date.from(event.startDate()))
			.append("endDate", Date.from(event.endDate()))
			.append("timezone", event.timezone())
			.append("status", event.status())
			.append("venue", converter.convertToMongoType(event.venue()))
			.append("currency", event.currency())
			.append("locale", event.locale())
			.append("sender", converter.convertToMongoType(event.sender()))
			.append("deleted", false);
		return new NewerOnlyUpserts.Upsert(RegistrationProjection.storedId(event.id()), occurredAt, set,
				new Document());
	}

	private static ConferenceSnapshot snapshot(DomainEventPayload payload) {
		if (payload instanceof EventCreated e) {
			return e.event();
		}
		if (payload instanceof EventUpdated e) {
			return e.event();
		}
		throw new IllegalArgumentException("Not a conference snapshot: " + payload.getClass().getName());
	}

	private static String conferenceId(DomainEventPayload payload) {
		return (payload instanceof EventDeleted e) ? e.eventId() : snapshot(payload).id();
	}

	private static Instant occurredAt(DomainEventPayload payload) {
		if (payload instanceof EventDeleted e) {
			return e.occurredAt();
		}
		return (payload instanceof EventCreated e) ? e.occurredAt() : ((EventUpdated) payload).occurredAt();
	}

	private Mono<Void> apply(ConferenceSnapshot event, Instant occurredAt) {
		var converter = this.mongo.getConverter();
		Update update = new Update().set("name", event.name())
			.set("startDate", event.startDate())
			.set("endDate", event.endDate())
			.set("timezone", event.timezone())
			.set("status", event.status())
			.set("venue", converter.convertToMongoType(event.venue()))
			.set("currency", event.currency())
			.set("locale", event.locale())
			.set("sender", converter.convertToMongoType(event.sender()))
			.set("deleted", false);
		return upsertNewer(event.id(), occurredAt, update);
	}

	private Mono<Void> upsertNewer(String id, Instant occurredAt, Update update) {
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query newerOnly = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("lastEventTime").exists(false),
					Criteria.where("lastEventTime").lte(occurredAt)));
		return this.mongo.upsert(newerOnly, update.set("lastEventTime", occurredAt), ConferenceView.COLLECTION)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
