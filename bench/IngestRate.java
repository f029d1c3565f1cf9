import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event ingest rate per service: publishes N registration-created events (the contract's golden sample with fresh
 * ids) for one conference and reports, for each service's consumer group, how long it took to commit past the last
 * one. Run through bench/ingest.sh against a running suite (bin/atlas up).
 */
public class IngestRate {

	static final String TOPIC = "atlas.registrations";

	static final List<String> GROUPS = List.of("notification-service", "lodging-travel-service", "reporting-service");

	public static void main(String[] args) throws Exception {
		String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
		int count = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
		String eventId = args.length > 2 ? args[2] : "665f1c2ab4d3e8a9c0f12345";
		String golden = Files.readString(Path.of("shared-events/src/test/resources/golden/registration-created.v1.json"));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			Map<String, Long> before = new LinkedHashMap<>();
			for (String group : GROUPS) {
				before.put(group, committed(admin, group));
			}
			Properties props = new Properties();
			props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			props.put(ProducerConfig.ACKS_CONFIG, "all");
			props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
			props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
			long start = System.nanoTime();
			List<Future<RecordMetadata>> sends = new ArrayList<>(count);
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
					new StringSerializer())) {
				for (int i = 0; i < count; i++) {
					String registrationId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
					String json = golden.replace("6660a1b2c3d4e5f601234567", registrationId)
						.replace("665f1c2ab4d3e8a9c0f12345", eventId)
						.replace("REG-0001", String.format(Locale.ROOT, "BENCH-%06d", i))
						.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")
						.replace("priya.sharma@example.com", "bench" + i + "@bench.test");
					sends.add(producer.send(new ProducerRecord<>(TOPIC, registrationId, json)));
				}
				for (Future<RecordMetadata> send : sends) {
					send.get(60, TimeUnit.SECONDS);
				}
			}
			double published = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT, "published %d registration-created events in %.1f s (%.0f events/s)%n",
					count, published, count / published);
			Map<String, Double> done = new LinkedHashMap<>();
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
			while (done.size() < GROUPS.size() && System.nanoTime() < deadline) {
				for (String group : GROUPS) {
					if (!done.containsKey(group) && committed(admin, group) - before.get(group) >= count) {
						done.put(group, (System.nanoTime() - start) / 1e9);
					}
				}
				Thread.sleep(200);
			}
			for (String group : GROUPS) {
				Double seconds = done.get(group);
				if (seconds == null) {
					System.out.printf(Locale.ROOT, "%-24s did not catch up within 15 min%n", group);
				}
				else {
					System.out.printf(Locale.ROOT, "%-24s consumed %d events in %.1f s: %.0f events/s%n", group,
							count, seconds, count / seconds);
				}
			}
		}
	}

	static long committed(Admin admin, String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(30, TimeUnit.SECONDS);
		long sum = 0;
		for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
			if (entry.getKey().topic().equals(TOPIC) && entry.getValue() != null) {
				sum += entry.getValue().offset();
			}
		}
		return sum;
	}

}
