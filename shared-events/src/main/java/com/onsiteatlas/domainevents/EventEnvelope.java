package com.onsiteatlas.domainevents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

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
 * @param <T> the payload type
 */
// @JsonProperty(required) documents the attributes EventCodec insists on; the JSON Schema
// is generated from it.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "specversion", "id", "type", "source", "time", "subject", "datacontenttype", "dataversion",
		"correlationid", "eventid", "data" })
public record EventEnvelope<T extends DomainEventPayload>(@AllowedValues(SPEC_VERSION) String specversion,
		@JsonProperty(required = true) String id, @JsonProperty(required = true) String type,
		@JsonProperty(required = true) String source, @JsonProperty(required = true) Instant time, String subject,
		@AllowedValues(CONTENT_TYPE) String datacontenttype, @JsonProperty(required = true) int dataversion,
		String correlationid, String eventid, @JsonProperty(required = true) T data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/json";

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
	 * The topic this envelope is published to.
	 * @return the topic name from the catalog
	 */
	public String topic() {
		return EventCatalog.standard().find(this.type, this.dataversion).topic();
	}

}
