package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCancelled;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.RegistrationUpdated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.support.messaging.DomainEventHandler;

/**
 * Keeps {@link RegistrationView} up to date. Every registration event carries the full
 * snapshot, so each one simply replaces the stored state, unless a newer event was
 * already applied (events of one registration share a partition, but a replay or a
 * producer's retry may bring an old one again).
 */
public class RegistrationProjection {

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

	/**
	 * The handlers that feed the projection.
	 * @return one handler per registration event type
	 */
	public List<DomainEventHandler<?>> handlers() {
		return List.of(
				DomainEventHandler.of(NAME, RegistrationCreated.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().registration(), e.data().occurredAt(), null)),
				DomainEventHandler.of(NAME, RegistrationUpdated.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().registration(), e.data().occurredAt(), null)),
				DomainEventHandler.of(NAME, RegistrationCancelled.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().registration(), e.data().occurredAt(), null)),
				DomainEventHandler.of(NAME, PaymentReceived.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().registration(), e.data().occurredAt(), null)),
				DomainEventHandler.of(NAME, CheckInCompleted.class, DEDUPLICATE,
						(e) -> apply(e.data().event(), e.data().registration(), e.data().occurredAt(),
								new Update().set("checkIn",
										new Document("isCheckedIn", true).append("checkedInAt", e.data().checkedInAt())
											.append("checkedInBy", e.data().checkedInBy())))),
				DomainEventHandler.of(NAME, WorkshopRegistered.class, DEDUPLICATE, (e) -> workshop(e.data())));
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

}
