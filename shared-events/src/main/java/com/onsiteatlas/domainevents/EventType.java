package com.onsiteatlas.domainevents;

import java.util.Objects;

/**
 * One entry of the catalog: a logical event type at one payload version, the topic it
 * travels on and the record that carries its data.
 *
 * @param name the CloudEvents {@code type}, e.g. {@code registration-created}
 * @param version the payload version ({@code dataversion}); a breaking change adds a new
 * version
 * @param topic the Kafka topic the event is published to
 * @param payloadType the record class of the payload
 * @param description one sentence for the AsyncAPI document and the README
 */
public record EventType(String name, int version, String topic, Class<? extends DomainEventPayload> payloadType,
		String description) {

	public EventType {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(payloadType, "payloadType");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1");
		}
	}

	/**
	 * The file name of this type's JSON Schema under {@code schemas/} on the classpath.
	 * @return e.g. {@code registration-created.v1.schema.json}
	 */
	public String schemaFileName() {
		return this.name + ".v" + this.version + ".schema.json";
	}

}
