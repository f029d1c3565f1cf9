package com.onsiteatlas.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a test does to the running suite: HTTP through the gateway, domain events as a
 * Node producer would publish them (from the contract's golden samples), and reading the
 * captured mail.
 */
final class Platform {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static KafkaProducer<String, byte[]> producer;

	private Platform() {
	}

	record Response(int status, JsonNode body, String raw) {

		JsonNode data() {
			return this.body.get("data");
		}

	}

	static Response call(String method, String path, String token, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SuiteHarness.get().gateway() + path))
				.timeout(Duration.ofSeconds(60));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
			return new Response(response.statusCode(), parsed, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static ObjectNode golden(String type) {
		try (InputStream in = Platform.class.getResourceAsStream("/golden/" + type + ".v1.json")) {
			ObjectNode envelope = (ObjectNode) JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			envelope.put("time", Instant.now().toString());
			return envelope;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes an event-created for a conference starting in {@code startsInDays} days.
	 */
	static void conference(String eventId, int startsInDays) {
		ObjectNode envelope = golden("event-created");
		envelope.put("subject", eventId).put("eventid", eventId);
		ObjectNode event = (ObjectNode) envelope.get("data").get("event");
		Instant start = Instant.now().plus(Duration.ofDays(startsInDays));
		event.put("_id", eventId)
			.put("name", "Suite Congress " + eventId.substring(18))
			.put("startDate", start.toString())
			.put("endDate", start.plus(Duration.ofDays(2)).toString());
		((ObjectNode) envelope.get("data")).put("occurredAt", Instant.now().toString());
		publish("atlas.events", eventId, envelope);
	}

	/**
	 * Publishes a registration-created for the conference and returns the envelope.
	 */
	static ObjectNode registration(String eventId, String registrationObjectId, String humanId, String firstName,
			String email, int startsInDays) {
		ObjectNode envelope = golden("registration-created");
		envelope.put("subject", registrationObjectId).put("eventid", eventId);
		ObjectNode data = (ObjectNode) envelope.get("data");
		Instant start = Instant.now().plus(Duration.ofDays(startsInDays));
		((ObjectNode) data.get("event")).put("_id", eventId)
			.put("name", "Suite Congress " + eventId.substring(18))
			.put("startDate", start.toString())
			.put("endDate", start.plus(Duration.ofDays(2)).toString());
		ObjectNode registration = (ObjectNode) data.get("registration");
		registration.put("_id", registrationObjectId).put("registrationId", humanId);
		((ObjectNode) registration.get("personalInfo")).put("firstName", firstName).put("email", email);
		data.put("occurredAt", Instant.now().toString());
		publish("atlas.registrations", registrationObjectId, envelope);
		return envelope;
	}

	static synchronized void publish(String topic, String key, JsonNode envelope) {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					SuiteHarness.get().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
					new ByteArraySerializer());
		}
		try {
			producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(envelope))).get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot publish to " + topic, ex);
		}
	}

	/**
	 * Mail captured by the embedded SMTP server for a recipient.
	 */
	static JsonNode mailTo(String address) {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(SuiteHarness.get().mailApi() + "/api/messages?to=" + address))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String newObjectId() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return hex.substring(0, 24);
	}

}
