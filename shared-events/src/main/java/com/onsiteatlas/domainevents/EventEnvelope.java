package com.onsiteatlas.domainevents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one envelope every Kafka message of the platform travels in: a CloudEvents 1.0
 * event in structured JSON mode. Extension attribute names follow the CloudEvents naming
 * rule (lower-case letters and digits only), so {@code eventid} is the ONSITE ATLAS
 * conference id and {@code correlationid} the request that caused the event.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique id of this message; consumers deduplicate on it
 * @param type the logical type, e.g. {@code registration-created}
 * @param source the producing system, e.g. {@code /onsite-atlas/registrations}
 * @param time when the fact happened (UTC)
 * @param subject the aggregate id, equal to the Kafka key
 * @param datacontenttype always {@code application/json}
 * @param dataversion the payload version, see {@link EventType#version()}
 * @param correlationid the correlation id of the request or message that caused this
 * event, may be null
 * @param eventid the conference ({@code Event}) id the fact belongs to, 24 hex characters
 * @param data the payload
 * @param atlasreplay {@code true} when the message re-publishes history (the legacy
 * backfill): consumers project it into their read models, but no trigger fires for it;
 * null (absent) for live facts
 * @param <T> the payload type
 */
// @JsonProperty(required) documents the attributes EventCodec insists on; the JSON Schema
// is generated from it.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "specversion", "id", "type", "source", "time", "subject", "datacontenttype", "dataversion",
		"correlationid", "eventid", "data", "atlasreplay" })
public record EventEnvelope<T extends DomainEventPayload>(@AllowedValues(SPEC_VERSION) String specversion,
		@JsonProperty(required = true) String id, @JsonProperty(required = true) String type,
		@JsonProperty(required = true) String source, @JsonProperty(required = true) Instant time, String subject,
		@AllowedValues(CONTENT_TYPE) String datacontenttype, @JsonProperty(required = true) int dataversion,
		String correlationid, String eventid, @JsonProperty(required = true) T data, Boolean atlasreplay) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/json";

	/** The extension attribute (and {@code ce_} header) that marks a replayed message. */
	public static final String REPLAY_ATTRIBUTE = "atlasreplay";

	/**
	 * An envelope of a live fact (no replay marker).
	 * @param specversion always {@value #SPEC_VERSION}
	 * @param id unique id of this message
	 * @param type the logical type
	 * @param source the producing system
	 * @param time when the fact happened
	 * @param subject the aggregate id
	 * @param datacontenttype always {@code application/json}
	 * @param dataversion the payload version
	 * @param correlationid the causing request's correlation id, may be null
	 * @param eventid the conference id
	 * @param data the payload
	 */
	public EventEnvelope(String specversion, String id, String type, String source, Instant time, String subject,
			String datacontenttype, int dataversion, String correlationid, String eventid, T data) {
		this(specversion, id, type, source, time, subject, datacontenttype, dataversion, correlationid, eventid, data,
				null);
	}

	public EventEnvelope {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
		if (specversion == null) {
			specversion = SPEC_VERSION;
		}
		if (datacontenttype == null) {
			datacontenttype = CONTENT_TYPE;
		}
		if (subject == null) {
			subject = data.aggregateId();
		}
	}

	/**
	 * Wraps a payload in a new envelope with a fresh id and the current time, taking type
	 * and version from the standard catalog.
	 * @param data the payload
	 * @param source the producing system
	 * @param eventId the conference id
	 * @param correlationId the causing request's correlation id, may be null
	 * @param <T> payload type
	 * @return the envelope
	 */
	public static <T extends DomainEventPayload> EventEnvelope<T> wrap(T data, String source, String eventId,
			String correlationId) {
		return wrap(data, source, eventId, correlationId, Instant.now());
	}

	/**
	 * Wraps a payload in a new envelope with a fresh id and the given time, taking type
	 * and version from the standard catalog (services pass their clock's time).
	 * @param data the payload
	 * @param source the producing system
	 * @param eventId the conference id
	 * @param correlationId the causing request's correlation id, may be null
	 * @param time when the change happened
	 * @param <T> payload type
	 * @return the envelope
	 */
	public static <T extends DomainEventPayload> EventEnvelope<T> wrap(T data, String source, String eventId,
			String correlationId, Instant time) {
		EventType type = EventCatalog.standard().forPayload(data.getClass());
		return new EventEnvelope<>(SPEC_VERSION, UUID.randomUUID().toString(), type.name(), source, time,
				data.aggregateId(), CONTENT_TYPE, type.version(), correlationId, eventId, data);
	}

	/**
	 * Whether this message re-publishes history ({@value #REPLAY_ATTRIBUTE} is true):
	 * read models project it, triggers ignore it.
	 * @return true for a replayed message
	 */
	@JsonIgnore
	public boolean isReplay() {
		return Boolean.TRUE.equals(this.atlasreplay);
	}

	/**
	 * This envelope marked as a replay of history.
	 * @return a copy with {@value #REPLAY_ATTRIBUTE} set to true
	 */
	public EventEnvelope<T> asReplay() {
		return new EventEnvelope<>(this.specversion, this.id, this.type, this.source, this.time, this.subject,
				this.datacontenttype, this.dataversion, this.correlationid, this.eventid, this.data, Boolean.TRUE);
	}

	/**
	 * The topic this envelope is published to.
	 * @return the topic name from the catalog
	 */
	public String topic() {
		return EventCatalog.standard().find(this.type, this.dataversion).topic();
	}

}
