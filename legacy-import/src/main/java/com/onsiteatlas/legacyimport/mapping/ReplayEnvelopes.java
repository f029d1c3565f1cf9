package com.onsiteatlas.legacyimport.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventCatalog;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.EventType;

/**
 * Wraps backfilled payloads: the envelope id is a name-based UUID (version 3, as
 * {@link UUID#nameUUIDFromBytes}) of the type, its version and the legacy fact, so a
 * second run publishes the very same ids and consumers skip them; the source is the one
 * ONSITE ATLAS itself uses for the type; and every envelope is marked as a replay.
 */
final class ReplayEnvelopes {

	/** The correlation id of every backfilled event, so logs can tell them apart. */
	static final String CORRELATION_ID = "atlas-legacy-import";

	private ReplayEnvelopes() {
	}

	/**
	 * The replay envelope of one legacy fact.
	 * @param payload the payload
	 * @param factKey what the fact is in the legacy data, e.g.
	 * {@code payments/<_id>/received}; unique per fact of a type
	 * @param time when the fact happened
	 * @param eventId the conference id
	 * @param <T> the payload type
	 * @return the envelope
	 */
	static <T extends DomainEventPayload> EventEnvelope<T> envelope(T payload, String factKey, Instant time,
			String eventId) {
		EventType type = EventCatalog.standard().forPayload(payload.getClass());
		return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, id(type, factKey), type.name(), source(type), time,
				payload.aggregateId(), EventEnvelope.CONTENT_TYPE, type.version(), CORRELATION_ID, eventId, payload,
				Boolean.TRUE);
	}

	static String id(EventType type, String factKey) {
		return UUID
			.nameUUIDFromBytes(("atlas-legacy-import:" + type.name() + ":v" + type.version() + ":" + factKey)
				.getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * {@code /onsite-atlas/registrations} for {@code atlas.registrations}, as the Node
	 * library names them.
	 */
	private static String source(EventType type) {
		return "/onsite-atlas/" + type.topic().substring(type.topic().indexOf('.') + 1);
	}

}
