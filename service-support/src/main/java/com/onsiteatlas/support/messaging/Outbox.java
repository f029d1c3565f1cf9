package com.onsiteatlas.support.messaging;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.support.correlation.CorrelationId;

/**
 * Builds outbox entries for a service. Typical use in a feature service:
 *
 * <pre>
 * outbox.entry(new HotelBookingCreated(...), eventId)
 *     .flatMap(message -> template.findAndModify(query, update.push(OutboxMessage.FIELD, message), ...))
 * </pre>
 *
 * or, for a new document, put the message into the document's {@code outbox} list before
 * inserting it.
 */
public class Outbox {

	private final String source;

	private final EventCodec codec;

	private final OutboxRelay relay;

	private final Clock clock;

	public Outbox(String source, EventCodec codec, OutboxRelay relay, Clock clock) {
		this.source = source;
		this.codec = codec;
		this.relay = relay;
		this.clock = clock;
	}

	/**
	 * Wraps a payload into an outbox entry carrying the current correlation id.
	 * @param payload the domain event data
	 * @param eventId the conference id
	 * @return the entry to store with the write
	 */
	public Mono<OutboxMessage> entry(DomainEventPayload payload, String eventId) {
		return CorrelationId.current()
			.map((correlationId) -> message(payload, eventId, correlationId))
			.switchIfEmpty(Mono.fromSupplier(() -> message(payload, eventId, null)));
	}

	public OutboxMessage message(DomainEventPayload payload, String eventId, String correlationId) {
		return OutboxMessage.of(EventEnvelope.wrap(payload, this.source, eventId, correlationId, this.clock.instant()),
				this.codec);
	}

	/**
	 * Adds messages to an update of the document they belong to.
	 * @param update the update that makes the change
	 * @param messages the messages
	 * @return the same update
	 */
	public static Update push(Update update, List<OutboxMessage> messages) {
		return update.push(OutboxMessage.FIELD).each(messages.toArray());
	}

	/**
	 * Asks the relay to look for new messages now instead of at its next poll; call after
	 * a write with an outbox entry to cut latency. Harmless when nothing is pending.
	 */
	public void nudge() {
		if (this.relay != null) {
			this.relay.nudge();
		}
	}

	/**
	 * Asks the relay to look for new messages within a short delay (a burst of such calls
	 * costs one pass); for frequent writes whose events are not urgent to the
	 * millisecond.
	 */
	public void nudgeSoon() {
		if (this.relay != null) {
			this.relay.nudgeSoon();
		}
	}

}
