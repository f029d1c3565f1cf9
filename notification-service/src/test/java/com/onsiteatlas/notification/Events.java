package com.onsiteatlas.notification;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.types.ObjectId;

import org.springframework.kafka.core.KafkaTemplate;

import com.onsiteatlas.domainevents.GoldenSamples;

/**
 * Domain events as ONSITE ATLAS publishes them, from the contract's golden samples, made
 * fresh (new ids, the current time) for one test.
 */
public final class Events {

	private Events() {
	}

	/**
	 * A golden sample moved to another conference and registration.
	 * @param type event type
	 * @param eventId conference id
	 * @param registrationId registration _id
	 * @param email registrant e-mail
	 * @return the envelope
	 */
	public static ObjectNode fresh(String type, String eventId, String registrationId, String email) {
		ObjectNode envelope = GoldenSamples.tree(type, 1);
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("time", Instant.now().toString());
		envelope.put("eventid", eventId);
		ObjectNode data = (ObjectNode) envelope.get("data");
		if (data.has("event")) {
			((ObjectNode) data.get("event")).put("_id", eventId);
		}
		if (data.has("registration") && data.get("registration").isObject()) {
			ObjectNode registration = (ObjectNode) data.get("registration");
			registration.put("_id", registrationId);
			((ObjectNode) registration.get("personalInfo")).put("email", email);
			envelope.put("subject", registrationId);
		}
		data.put("occurredAt", Instant.now().toString());
		return envelope;
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	public static void publish(KafkaTemplate<String, byte[]> kafka, String topic, ObjectNode envelope) {
		try {
			kafka.send(topic, envelope.get("subject").asText(), envelope.toString().getBytes())
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
