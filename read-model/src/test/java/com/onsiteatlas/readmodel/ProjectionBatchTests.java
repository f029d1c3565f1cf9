package com.onsiteatlas.readmodel;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration and conference projections applied a batch at a time: the newest event
 * of each id in the batch wins, an older event never overwrites a newer stored one, and
 * what is stored is the same as applying the events one by one.
 */
class ProjectionBatchTests extends ReadModelIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final EventCodec CODEC = new EventCodec();

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	RegistrationProjection registrations;

	@Autowired
	ConferenceProjection conferences;

	@Autowired
	Directory directory;

	@Autowired
	ReactiveMongoTemplate mongo;

	private final String eventId = new ObjectId().toHexString();

	@Test
	void writesTheNewestEventOfEachRegistrationInTheBatchWhateverTheirOrder() throws Exception {
		String first = id();
		String second = id();
		this.registrations.onBatch(List.of(registration("registration-created", first, "active", T0),
				registration("registration-created", second, "active", T0),
				registration("registration-cancelled", first, "cancelled", T0.plusSeconds(60)),
				registration("registration-updated", first, "active", T0.plusSeconds(30)),
				registration("registration-updated", second, "cancelled", T0.plusSeconds(10))))
			.block();

		RegistrationView one = this.directory.registration(this.eventId, first).block();
		assertThat(one.status()).isEqualTo("cancelled");
		assertThat(one.lastEventTime()).isEqualTo(T0.plusSeconds(60));
		assertThat(one.firstSeenAt()).as("the first event's time").isEqualTo(T0);
		RegistrationView two = this.directory.registration(this.eventId, second).block();
		assertThat(two.status()).isEqualTo("cancelled");
		assertThat(two.lastEventTime()).isEqualTo(T0.plusSeconds(10));
	}

	@Test
	void ofTwoEventsOfTheSameTimeTheLaterOneWins() throws Exception {
		String id = id();
		this.registrations.onBatch(List.of(registration("registration-created", id, "active", T0),
				registration("registration-cancelled", id, "cancelled", T0)))
			.block();

		assertThat(this.directory.registration(this.eventId, id).block().status()).isEqualTo("cancelled");
	}

	@Test
	void neverLetsAnOlderEventOverwriteANewerStoredStateAndStillWritesTheRestOfTheBatch() throws Exception {
		String stale = id();
		String fresh = id();
		this.registrations
			.onBatch(List.of(registration("registration-cancelled", stale, "cancelled", T0.plusSeconds(300))))
			.block();

		this.registrations.onBatch(List.of(registration("registration-created", stale, "active", T0),
				registration("registration-created", fresh, "active", T0)))
			.block();

		RegistrationView kept = this.directory.registration(this.eventId, stale).block();
		assertThat(kept.status()).isEqualTo("cancelled");
		assertThat(kept.lastEventTime()).isEqualTo(T0.plusSeconds(300));
		assertThat(this.directory.registration(this.eventId, fresh).block().status()).isEqualTo("active");
	}

	@Test
	void keepsCheckInsAndWorkshopsThatShareABatchWithNewerSnapshots() throws Exception {
		String id = id();
		this.registrations.onBatch(List.of(registration("registration-created", id, "active", T0),
				registration("check-in-completed", id, "active", T0.plusSeconds(10)),
				registration("workshop-registered", id, "active", T0.plusSeconds(20)),
				registration("registration-updated", id, "cancelled", T0.plusSeconds(30))))
			.block();

		RegistrationView view = this.directory.registration(this.eventId, id).block();
		assertThat(view.status()).isEqualTo("cancelled");
		assertThat(view.checkIn().isCheckedIn()).isTrue();
		assertThat(view.workshops()).hasSize(1);
		assertThat(view.lastEventTime()).isEqualTo(T0.plusSeconds(30));
	}

	@Test
	void storesTheSameDocumentAsApplyingOneEventAtATime() throws Exception {
		String batched = id();
		String single = id();
		EventEnvelope<DomainEventPayload> batchedEvent = registration("registration-created", batched, "active", T0);
		EventEnvelope<DomainEventPayload> singleEvent = registration("registration-created", single, "active", T0);
		this.registrations.onBatch(List.of(batchedEvent)).block();
		RegistrationCreated created = (RegistrationCreated) singleEvent.data();
		this.registrations.apply(created.event(), created.registration(), created.occurredAt(), null).block();

		Document one = stored(RegistrationView.COLLECTION, batched);
		Document other = stored(RegistrationView.COLLECTION, single);
		assertThat(one.get("_id")).isInstanceOf(other.get("_id").getClass());
		one.remove("_id");
		other.remove("_id");
		assertThat(one).isEqualTo(other);
	}

	@Test
	void replaysTheSameBatchWithoutChangingTheStoredState() throws Exception {
		String id = id();
		List<EventEnvelope<DomainEventPayload>> batch = List.of(registration("registration-created", id, "active", T0),
				registration("registration-cancelled", id, "cancelled", T0.plusSeconds(60)));
		this.registrations.onBatch(batch).block();
		Document before = stored(RegistrationView.COLLECTION, id);

		this.registrations.onBatch(batch).block();

		assertThat(stored(RegistrationView.COLLECTION, id)).isEqualTo(before);
	}

	@Test
	void writesTheNewestConferenceSnapshotAndAppliesADeletionInOrder() throws Exception {
		String renamed = id();
		String deleted = id();
		this.conferences.onBatch(List.of(conference("event-created", renamed, "First", T0),
				conference("event-updated", renamed, "Third", T0.plusSeconds(60)),
				conference("event-updated", renamed, "Second", T0.plusSeconds(30)),
				conference("event-created", deleted, "Gone", T0),
				conference("event-deleted", deleted, "Gone", T0.plusSeconds(10))))
			.block();

		ConferenceView view = this.directory.conference(renamed).block();
		assertThat(view.name()).isEqualTo("Third");
		assertThat(view.deleted()).isFalse();
		assertThat(view.lastEventTime()).isEqualTo(T0.plusSeconds(60));
		ConferenceView tombstone = this.directory.conference(deleted).block();
		assertThat(tombstone.deleted()).isTrue();
		assertThat(tombstone.startDate()).isNotNull();
	}

	private Document stored(String collection, String id) {
		return this.mongo.findById(new ObjectId(id), Document.class, collection).block();
	}

	private static String id() {
		return new ObjectId().toHexString();
	}

	private EventEnvelope<DomainEventPayload> registration(String type, String id, String status, Instant at)
			throws Exception {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		((ObjectNode) data.get("event")).put("_id", this.eventId);
		((ObjectNode) data.get("registration")).put("_id", id).put("status", status);
		data.put("occurredAt", at.toString());
		envelope.put("subject", id);
		return CODEC.decode(JSON.writeValueAsBytes(envelope));
	}

	private EventEnvelope<DomainEventPayload> conference(String type, String id, String name, Instant at)
			throws Exception {
		ObjectNode envelope = golden(type);
		ObjectNode data = (ObjectNode) envelope.get("data");
		if (data.has("event")) {
			((ObjectNode) data.get("event")).put("_id", id).put("name", name);
		}
		else {
			data.put("eventId", id).put("name", name);
		}
		data.put("occurredAt", at.toString());
		envelope.put("subject", id).put("eventid", id);
		return CODEC.decode(JSON.writeValueAsBytes(envelope));
	}

	private ObjectNode golden(String type) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			return envelope;
		}
	}

}
