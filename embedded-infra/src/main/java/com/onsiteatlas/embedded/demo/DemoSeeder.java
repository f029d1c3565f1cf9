package com.onsiteatlas.embedded.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.EventType;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.conference.ConferenceSnapshot;
import com.onsiteatlas.domainevents.conference.EventCreated;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.embedded.InfraSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the demo conference and registrations as the domain events ONSITE ATLAS would
 * publish, and writes the demo tokens. Run as
 * {@code java -jar embedded-infra.jar seed [--bootstrap host:port] [--secret s] [--out file]
 * [--tokens-only]}.
 *
 * <p>
 * Envelope ids are derived from the aggregate and the conference start date, so seeding
 * twice on the same day sends the same ids and idempotent consumers ignore the repeat;
 * seeding on a later day moves the conference dates.
 */
public final class DemoSeeder {

	static final String CONFERENCE_SOURCE = "/onsite-atlas/events";

	static final String REGISTRATION_SOURCE = "/onsite-atlas/registrations";

	private static final String ACTOR = DemoData.staff("admin").id();

	private final EventCodec codec = new EventCodec();

	private final Clock clock;

	public DemoSeeder(Clock clock) {
		this.clock = clock;
	}

	public static void main(String[] args) throws Exception {
		String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
		String secret = env("JWT_SECRET", InfraSettings.DEV_JWT_SECRET);
		Path out = Path.of(".atlas", "demo-tokens.env");
		boolean publish = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--bootstrap" -> bootstrap = args[++i];
				case "--secret" -> secret = args[++i];
				case "--out" -> out = Path.of(args[++i]);
				case "--tokens-only" -> publish = false;
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]
						+ "; usage: seed [--bootstrap host:port] [--secret s] [--out file] [--tokens-only]");
			}
		}
		DemoSeeder seeder = new DemoSeeder(Clock.systemUTC());
		Map<String, String> tokens = seeder.writeTokens(secret, out);
		System.out.println("Demo tokens written to " + out.toAbsolutePath());
		tokens.forEach((name, value) -> System.out.println(name + "=" + value));
		if (publish) {
			List<RecordMetadata> sent = seeder.publish(bootstrap);
			System.out.println("Published " + sent.size() + " demo domain events to " + bootstrap + " (conference "
					+ DemoData.EVENT_ID + ", " + DemoData.registrations().size() + " registrations)");
		}
	}

	/**
	 * The demo domain events: the conference first, then its registrations.
	 * @return envelopes in publishing order
	 */
	public List<EventEnvelope<?>> envelopes() {
		Instant now = this.clock.instant();
		ConferenceSnapshot conference = DemoData.conference(this.clock);
		String dateTag = conference.startDate().toString();
		List<EventEnvelope<?>> envelopes = new ArrayList<>();
		envelopes.add(envelope(new EventCreated(conference, now, ACTOR), CONFERENCE_SOURCE, dateTag, now));
		ConferenceRef ref = conference.toRef();
		for (RegistrationSnapshot registration : DemoData.registrations()) {
			envelopes.add(envelope(new RegistrationCreated(ref, registration, now, ACTOR), REGISTRATION_SOURCE, dateTag,
					now));
		}
		return envelopes;
	}

	/**
	 * Publishes {@link #envelopes()} and waits for every acknowledgement.
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @return the acknowledged records
	 * @throws Exception when Kafka does not acknowledge within 30 seconds
	 */
	public List<RecordMetadata> publish(String bootstrapServers) throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "atlas-demo-seeder");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		List<RecordMetadata> sent = new ArrayList<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> pending = new ArrayList<>();
			for (EventEnvelope<?> envelope : envelopes()) {
				pending.add(producer.send(record(envelope)));
			}
			producer.flush();
			for (Future<RecordMetadata> future : pending) {
				sent.add(future.get(30, TimeUnit.SECONDS));
			}
		}
		return sent;
	}

	/**
	 * Writes the demo tokens as a shell-sourceable file.
	 * @param secret the HS256 secret
	 * @param file the target file; parent directories are created
	 * @return the variables written
	 * @throws IOException when the file cannot be written
	 */
	public Map<String, String> writeTokens(String secret, Path file) throws IOException {
		Map<String, String> tokens = DemoTokens.all(secret, this.clock.instant());
		StringBuilder text = new StringBuilder("# Demo tokens, valid for ").append(DemoTokens.VALIDITY.toHours())
			.append(" h from ")
			.append(this.clock.instant())
			.append(". Re-create with: bin/atlas seed\n");
		tokens.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return tokens;
	}

	ProducerRecord<String, byte[]> record(EventEnvelope<?> envelope) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.topic(), envelope.subject(),
				this.codec.encode(envelope));
		record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", envelope.id().getBytes(StandardCharsets.UTF_8));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static <T extends DomainEventPayload> EventEnvelope<T> envelope(T payload, String source, String dateTag,
			Instant time) {
		EventType type = EventCatalog.standard().forPayload(payload.getClass());
		String id = UUID
			.nameUUIDFromBytes(("atlas-demo:" + type.name() + ":" + payload.aggregateId() + ":" + dateTag)
				.getBytes(StandardCharsets.UTF_8))
			.toString();
		return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, id, type.name(), source, time, payload.aggregateId(),
				EventEnvelope.CONTENT_TYPE, type.version(), "atlas-demo-seed", DemoData.EVENT_ID, payload);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
