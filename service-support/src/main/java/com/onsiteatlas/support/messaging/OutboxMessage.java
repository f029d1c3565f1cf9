package com.onsiteatlas.support.messaging;

import java.time.Instant;

import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;

/**
 * A domain event waiting in the {@code outbox} array of the document whose change it
 * describes. It is written in the same single-document update as the change, so the two
 * cannot diverge; {@link OutboxRelay} publishes and removes it.
 *
 * @param messageId the envelope id (consumers deduplicate on it)
 * @param topic the Kafka topic
 * @param key the Kafka key (aggregate id)
 * @param type the event type, for logs and headers
 * @param payload the encoded envelope
 * @param correlationId the correlation id, for the Kafka header
 * @param createdAt when it was written
 */
public record OutboxMessage(String messageId, String topic, String key, String type, String payload,
		String correlationId, Instant createdAt) {

	/** The field of an aggregate document that holds its pending messages. */
	public static final String FIELD = "outbox";

	/** The field that holds a relay's claim on the document. */
	public static final String LEASE_FIELD = "outboxLease";

	/**
	 * An entry for an envelope, written at the envelope's time.
	 * @param envelope the event
	 * @param codec the codec that encodes it
	 * @return the entry
	 */
	public static OutboxMessage of(EventEnvelope<?> envelope, EventCodec codec) {
		return new OutboxMessage(envelope.id(), envelope.topic(), envelope.subject(), envelope.type(),
				codec.encodeToString(envelope), envelope.correlationid(), envelope.time());
	}

}
