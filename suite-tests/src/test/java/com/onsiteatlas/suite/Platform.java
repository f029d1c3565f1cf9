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

	/**
	 * A file (or an error body) downloaded through the gateway.
	 */
	record Download(int status, String contentType, byte[] bytes) {

		String text() {
			return new String(this.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	static Download download(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SuiteHarness.get().gateway() + path))
			.timeout(Duration.ofSeconds(120))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<byte[]> response = sendBytes(request.build());
		return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	/**
	 * A multipart/form-data upload through the gateway, as a browser sends a file input
	 * with text fields.
	 */
	static Response upload(String path, String token, String fileName, String contentType, byte[] file,
			Map<String, String> fields) {
		String boundary = "suite-" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(utf8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(utf8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(SuiteHarness.get().gateway() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<byte[]> response = sendBytes(request);
		String raw = new String(response.body(), utf8);
		try {
			return new Response(response.statusCode(), raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw), raw);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The captured mail's summary: {@code count}, {@code recipients} (address to number
	 * of mails), {@code firstReceivedAt}, {@code lastReceivedAt}.
	 */
	static JsonNode mailSummary(String to) {
		String query = (to != null) ? "?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)
				: "";
		HttpResponse<byte[]> response = sendBytes(
				HttpRequest.newBuilder(URI.create(SuiteHarness.get().mailApi() + "/api/messages/summary" + query))
					.timeout(Duration.ofSeconds(30))
					.build());
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The decoded bytes of a captured mail's attachment.
	 */
	static byte[] mailAttachment(long mailId, int index) {
		HttpResponse<byte[]> response = sendBytes(HttpRequest
			.newBuilder(URI.create(SuiteHarness.get().mailApi() + "/api/messages/" + mailId + "/attachments/" + index))
			.timeout(Duration.ofSeconds(30))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Attachment " + index + " of mail " + mailId + ": " + response.statusCode());
		}
		return response.body();
	}

	private static HttpResponse<byte[]> sendBytes(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
