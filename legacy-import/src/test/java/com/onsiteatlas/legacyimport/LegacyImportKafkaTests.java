package com.onsiteatlas.legacyimport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.abstracts.AbstractStatus;
import com.onsiteatlas.domainevents.abstracts.AbstractStatusChanged;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.payment.PaymentRefunded;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;
import com.onsiteatlas.domainevents.resource.ResourceUsed;
import com.onsiteatlas.domainevents.sponsor.SponsorCreated;
import com.onsiteatlas.embeddedmongo.IdIndexedMemoryBackend;
import com.onsiteatlas.legacyimport.publish.KafkaEventSink;
import com.onsiteatlas.legacyimport.source.LegacySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill against a MongoDB-wire server seeded with legacy-shaped documents (odd
 * ones included) and the test JVM's real KRaft broker: what reaches the topics, decoded
 * by the shared-events codec.
 */
class LegacyImportKafkaTests {

	private static MongoServer server;

	private static MongoClient client;

	private final EventCodec codec = new EventCodec();

	private MongoDatabase database;

	private LegacyData data;

	@TempDir
	Path checkpoints;

	@BeforeAll
	static void startServers() throws Exception {
		server = new MongoServer(new IdIndexedMemoryBackend());
		client = MongoClients.create(server.bindAndGetConnectionString());
		PublishedRecords.createTopics();
	}

	@AfterAll
	static void stopServers() {
		client.close();
		server.shutdownNow();
	}

	@BeforeEach
	void newDatabase() {
		this.database = client.getDatabase("atlas_" + new ObjectId().toHexString());
		this.data = new LegacyData(this.database);
	}

	@Test
	void publishesEveryCollectionAsReplayedEventsTheCodecAcceptsAndCountsWhatItSkips() {
		this.data.conference("Cardiology Summit 2025");
		Document hindi = this.data.insert("registrations", this.data.registration("अनिल", "कुमार"));
		Document chinese = this.data.registration("伟", "张");
		chinese.append("checkIn",
				new Document("isCheckedIn", true)
					.append("checkedInAt", java.util.Date.from(java.time.Instant.parse("2025-11-14T04:00:00.000Z")))
					.append("checkedInBy", new ObjectId()));
		chinese.append("workshopsSelected",
				List.of(new Document("workshopId", this.data.workshopId()).append("priceCents", 150000L)));
		this.data.insert("registrations", chinese);
		this.data.insert("registrations",
				this.data.registration("Ana", "Núñez")
					.append("status", "confirmed")
					.append("paymentStatus", "completed"));
		this.data.insert("registrations", this.data.registration("Old", "Cancel").append("status", "canceled"));
		Document noName = this.data.registration("x", "y");
		noName.remove("personalInfo");
		this.data.insert("registrations", noName);
		this.data.insert("registrations", this.data.registration("Odd", "Status").append("status", "on-hold"));
		this.data.payment(hindi, "paid", 1250000L);
		this.data.payment(chinese, "refunded", 1250000L);
		this.data.payment(chinese, "initiated", 500L);
		this.data.payment(noName, "paid", 100L);
		this.data.abstractDoc(hindi, "submitted");
		this.data.abstractDoc(chinese, "under_review");
		this.data.abstractDoc(hindi, "draft");
		this.data.workshopDocument(List.of(hindi, chinese));
		this.data.resource(hindi, "food", "used", false);
		this.data.resource(hindi, "kitBag", "used", true);
		this.data.resource(chinese, "food", "assigned", false);
		this.data.resource(chinese, "parking", "used", false);
		this.data.sponsor("Acme Médical");

		Map<TopicPartition, Long> mark = PublishedRecords.mark();
		LegacyImport.Outcome outcome = run(options(false, false, 0));
		List<ConsumerRecord<String, byte[]>> records = PublishedRecords.since(mark);

		assertThat(outcome.stopped()).isFalse();
		assertThat(outcome.tally().published()).containsExactlyInAnyOrderEntriesOf(
				Map.ofEntries(Map.entry("event-created", 1L), Map.entry("registration-created", 4L),
						Map.entry("check-in-completed", 1L), Map.entry("workshop-registered", 3L),
						Map.entry("payment-received", 2L), Map.entry("payment-refunded", 1L),
						Map.entry("abstract-submitted", 2L), Map.entry("abstract-status-changed", 1L),
						Map.entry("resource-used", 2L), Map.entry("sponsor-created", 1L)));
		assertThat(outcome.tally().skipped()).containsEntry("registration without personalInfo", 2L)
			.containsEntry("registration status 'on-hold' is not a known spelling", 1L)
			.containsEntry("payment not captured (status 'initiated')", 1L)
			.containsEntry("draft abstract, never submitted", 1L)
			.containsEntry("resource not used (status 'assigned')", 1L)
			.containsEntry("resource type 'parking' is not food, kitBag, certificate or certificatePrinting", 1L);
		assertThat(outcome.tally().notes()).containsEntry("registration status 'confirmed' read as 'active'", 1L)
			.containsEntry("registration status 'canceled' read as 'cancelled'", 1L)
			.containsEntry("paymentStatus 'completed' read as 'paid'", 1L);

		assertThat(records).hasSize((int) outcome.tally().publishedTotal());
		List<EventEnvelope<DomainEventPayload>> envelopes = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			EventEnvelope<DomainEventPayload> envelope = this.codec.decode(record.value());
			envelopes.add(envelope);
			assertThat(envelope.isReplay()).as(envelope.type()).isTrue();
			assertThat(PublishedRecords.header(record, "ce_atlasreplay")).isEqualTo("true");
			assertThat(PublishedRecords.header(record, "ce_id")).isEqualTo(envelope.id());
			assertThat(PublishedRecords.header(record, "ce_type")).isEqualTo(envelope.type());
			assertThat(record.topic()).isEqualTo(EventCatalog.standard().find(envelope.type(), 1).topic());
			assertThat(record.key()).isEqualTo(envelope.subject()).isEqualTo(envelope.data().aggregateId());
			assertThat(envelope.eventid()).isEqualTo(this.data.eventId().toHexString());
			assertThat(envelope.source()).startsWith("/onsite-atlas/");
		}
		Map<String, List<EventEnvelope<DomainEventPayload>>> byType = envelopes.stream()
			.collect(Collectors.groupingBy(EventEnvelope::type));

		EventCreated conference = (EventCreated) byType.get("event-created").get(0).data();
		assertThat(conference.event().sender().senderEmail()).isEqualTo("team@example.com");
		assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("plain-text-secret");

		Map<String, RegistrationCreated> registrations = byType.get("registration-created")
			.stream()
			.map((envelope) -> (RegistrationCreated) envelope.data())
			.collect(Collectors.toMap((created) -> created.registration().personalInfo().fullName(),
					Function.identity()));
		assertThat(registrations).containsOnlyKeys("अनिल कुमार", "伟 张", "Ana Núñez", "Old Cancel");
		assertThat(registrations.get("Old Cancel").registration().status()).isEqualTo("cancelled");
		assertThat(registrations.get("Ana Núñez").registration().paymentStatus()).isEqualTo("paid");
		assertThat(registrations.get("अनिल कुमार").registration().category().name()).isEqualTo("Delegate");
		assertThat(registrations.get("अनिल कुमार").registration().personalInfo().email())
			.isEqualTo("अनिल.1@example.com");
		assertThat(registrations.get("अनिल कुमार").registration().customFields()).containsEntry("mciNumber", "MCI-1");

		assertThat(byType.get("workshop-registered")).extracting((e) -> ((WorkshopRegistered) e.data()).workshop())
			.extracting((w) -> w.title() + "/" + w.priceCents())
			.containsExactlyInAnyOrder("Echo basics/150000", "Advanced valve repair/9950",
					"Advanced valve repair/9950");
		PaymentRefunded refund = (PaymentRefunded) byType.get("payment-refunded").get(0).data();
		assertThat(refund.fullRefund()).isTrue();
		assertThat(refund.refundedCents()).isEqualTo(1250000L);
		AbstractStatusChanged review = (AbstractStatusChanged) byType.get("abstract-status-changed").get(0).data();
		assertThat(review.oldStatus()).isEqualTo(AbstractStatus.SUBMITTED);
		assertThat(review.newStatus()).isEqualTo(AbstractStatus.UNDER_REVIEW);
		assertThat(review.abstractInfo().category().name()).isEqualTo("Cardiology");
		assertThat(byType.get("resource-used")).extracting((e) -> ((ResourceUsed) e.data()).status())
			.containsExactlyInAnyOrder("used", "voided");
		SponsorCreated sponsor = (SponsorCreated) byType.get("sponsor-created").get(0).data();
		assertThat(sponsor.sponsor().sponsoringAmountCents()).isEqualTo(25000000L);
		assertThat(sponsor.sponsor().companyName()).isEqualTo("Acme Médical");
	}

	@Test
	void aSecondRunPublishesNothingAndARestartPublishesTheSameEnvelopeIds() {
		this.data.conference("Neuro Days");
		Document registration = this.data.insert("registrations", this.data.registration("Rui", "Sá"));
		this.data.payment(registration, "paid", 90000L);

		Map<TopicPartition, Long> first = PublishedRecords.mark();
		run(options(false, false, 0));
		List<String> firstIds = ids(PublishedRecords.since(first));
		Map<TopicPartition, Long> second = PublishedRecords.mark();
		LegacyImport.Outcome again = run(options(false, false, 0));
		List<String> secondIds = ids(PublishedRecords.since(second));
		Map<TopicPartition, Long> third = PublishedRecords.mark();
		LegacyImport.Outcome restarted = run(options(false, true, 0));
		List<String> restartIds = ids(PublishedRecords.since(third));

		assertThat(firstIds).hasSize(3).doesNotHaveDuplicates();
		assertThat(again.tally().documents()).isZero();
		assertThat(secondIds).isEmpty();
		assertThat(restarted.tally().documents()).isEqualTo(3);
		assertThat(restartIds).containsExactlyInAnyOrderElementsOf(firstIds);
	}

	@Test
	void resumesAfterAStopFromItsCheckpointWithoutLosingADocument() {
		this.data.conference("Ortho Meet");
		this.data.registrations(1200);

		Map<TopicPartition, Long> mark = PublishedRecords.mark();
		LegacyImport.Outcome stopped = run(options(false, false, 451));
		List<ConsumerRecord<String, byte[]>> firstRun = PublishedRecords.since(mark);
		Map<TopicPartition, Long> resumedMark = PublishedRecords.mark();
		LegacyImport.Outcome resumed = run(options(false, false, 0));
		List<ConsumerRecord<String, byte[]>> secondRun = PublishedRecords.since(resumedMark);

		assertThat(stopped.stopped()).isTrue();
		assertThat(stopped.tally().published()).containsEntry("registration-created", 450L);
		assertThat(resumed.stopped()).isFalse();
		assertThat(resumed.tally().published()).containsOnly(Map.entry("registration-created", 750L));
		Set<String> firstKeys = new HashSet<>(firstRun.stream().map(ConsumerRecord::key).toList());
		Set<String> secondKeys = new HashSet<>(secondRun.stream().map(ConsumerRecord::key).toList());
		assertThat(firstKeys).doesNotContainAnyElementsOf(secondKeys);
		Set<String> all = new HashSet<>(firstKeys);
		all.addAll(secondKeys);
		all.remove(this.data.eventId().toHexString());
		assertThat(all).hasSize(1200);
	}

	@Test
	void streamsATenThousandRegistrationConference() {
		this.data.conference("Mega Congress");
		this.data.registrations(10_000);

		Map<TopicPartition, Long> mark = PublishedRecords.mark();
		LegacyImport.Outcome outcome = run(options(false, false, 0));
		List<ConsumerRecord<String, byte[]>> records = PublishedRecords.since(mark);

		assertThat(outcome.tally().documents()).isEqualTo(10_001);
		assertThat(outcome.tally().published()).containsOnly(Map.entry("event-created", 1L),
				Map.entry("registration-created", 10_000L));
		assertThat(outcome.tally().skipped()).isEmpty();
		assertThat(records).hasSize(10_001);
		assertThat(records.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(10_001);
	}

	@Test
	void dryRunCountsWhatItWouldPublishAndPublishesNothing() throws Exception {
		this.data.conference("Dry Run Expo");
		this.data.registrations(25);

		Map<TopicPartition, Long> mark = PublishedRecords.mark();
		LegacyImport.Outcome outcome = run(options(true, false, 0));

		assertThat(outcome.tally().published()).containsEntry("registration-created", 25L);
		assertThat(PublishedRecords.since(mark)).isEmpty();
		try (var files = Files.list(this.checkpoints)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void importsOnlyTheChosenConference() {
		this.data.conference("Chosen");
		this.data.registrations(3);
		LegacyData other = new LegacyData(this.database).conference("Other");
		other.registrations(5);

		Map<TopicPartition, Long> mark = PublishedRecords.mark();
		LegacyImport.Outcome outcome = run(
				new ImportOptions("unused", null, PublishedRecords.brokers(), this.data.eventId().toHexString(), false,
						false, 100, 0, this.checkpoints, null, Duration.ofSeconds(1)));
		List<ConsumerRecord<String, byte[]>> records = PublishedRecords.since(mark);

		assertThat(outcome.tally().published()).containsOnly(Map.entry("event-created", 1L),
				Map.entry("registration-created", 3L));
		assertThat(records).extracting((record) -> this.codec.decode(record.value()).eventid())
			.containsOnly(this.data.eventId().toHexString())
			.hasSize(4);
	}

	private ImportOptions options(boolean dryRun, boolean restart, long limit) {
		return new ImportOptions("unused", null, PublishedRecords.brokers(), null, dryRun, restart, 100, limit,
				this.checkpoints, null, Duration.ofSeconds(1));
	}

	private LegacyImport.Outcome run(ImportOptions options) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (KafkaEventSink sink = new KafkaEventSink(options.bootstrapServers())) {
			LegacyImport run = new LegacyImport(new LegacySource(this.database),
					options.dryRun() ? com.onsiteatlas.legacyimport.publish.EventSink.discarding() : sink, options,
					new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
			return run.run();
		}
	}

	private List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map((record) -> this.codec.decode(record.value()).id()).toList();
	}

}
