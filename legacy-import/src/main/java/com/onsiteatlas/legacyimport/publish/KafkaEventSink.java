package com.onsiteatlas.legacyimport.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * Publishes to the contract's topics as every platform producer does (docs/events.md):
 * key = subject = aggregate id, the {@code content-type}, {@code ce_type} and
 * {@code ce_id} headers, plus {@code ce_atlasreplay: true}; an idempotent producer with
 * {@code acks=all}, so a retried send is not a duplicate in the log either.
 */
public final class KafkaEventSink implements EventSink {

	private static final byte[] CONTENT_TYPE = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);

	private final Producer<String, byte[]> producer;

	private final AtomicReference<Exception> failure = new AtomicReference<>();

	/**
	 * A sink on new producer, PLAINTEXT.
	 * @param bootstrapServers the brokers
	 */
	public KafkaEventSink(String bootstrapServers) {
		this(bootstrapServers, Map.of());
	}

	/**
	 * A sink on new producer.
	 * @param bootstrapServers the brokers
	 * @param clientSecurity {@code security.protocol} and SASL settings
	 * ({@code KafkaClientSecurity}: ONSITE ATLAS's Kafka user, which may write its
	 * topics)
	 */
	public KafkaEventSink(String bootstrapServers, Map<String, String> clientSecurity) {
		Map<String, Object> config = new HashMap<>(clientSecurity);
		config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.CLIENT_ID_CONFIG,
				"atlas-legacy-import", ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
				true, ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Override
	public void send(EventEnvelope<?> envelope, byte[] encoded) {
		Exception failed = this.failure.get();
		if (failed != null) {
			throw new PublishFailedException("Publishing failed: " + failed.getMessage(), failed);
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.topic(), envelope.subject(), encoded);
		record.headers().add("content-type", CONTENT_TYPE);
		record.headers().add("ce_type", envelope.type().getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", envelope.id().getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_" + EventEnvelope.REPLAY_ATTRIBUTE, TRUE);
		this.producer.send(record, (metadata, exception) -> {
			if (exception != null) {
				this.failure.compareAndSet(null, exception);
			}
		});
	}

	@Override
	public void flush() {
		this.producer.flush();
		Exception failed = this.failure.get();
		if (failed != null) {
			throw new PublishFailedException("Publishing failed: " + failed.getMessage(), failed);
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(30));
	}

}
