package com.onsiteatlas.embedded.mail;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail API's routes on a store filled directly, without SMTP. */
class MailWebServerTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path dir;

	private MailStore store;

	private MailWebServer web;

	@BeforeEach
	void start() throws Exception {
		this.store = MailStore.open(this.dir);
		this.web = MailWebServer.start(this.store, new InetSocketAddress("127.0.0.1", 0));
	}

	@AfterEach
	void stop() {
		this.web.close();
	}

	@Test
	void summaryCountsMailsPerRecipientWithoutTheirBodies() throws Exception {
		this.store.add(mail("a@bulk.test", "Reminder"), List.of("a@bulk.test"));
		this.store.add(mail("b@bulk.test", "Reminder"), List.of("b@bulk.test"));
		this.store.add(mail("a@bulk.test", "Reminder again"), List.of("a@bulk.test"));
		this.store.add(mail("someone@else.test", "Other"), List.of("someone@else.test"));

		JsonNode all = get("/api/messages/summary");
		assertThat(all.get("count").asInt()).isEqualTo(4);

		JsonNode bulk = get("/api/messages/summary?to=%40bulk.test");
		assertThat(bulk.get("count").asInt()).isEqualTo(3);
		assertThat(bulk.get("recipients").get("a@bulk.test").asInt()).isEqualTo(2);
		assertThat(bulk.get("recipients").get("b@bulk.test").asInt()).isEqualTo(1);
		assertThat(bulk.get("recipients").has("someone@else.test")).isFalse();
		Instant first = Instant.parse(bulk.get("firstReceivedAt").asText());
		Instant last = Instant.parse(bulk.get("lastReceivedAt").asText());
		assertThat(first).isBeforeOrEqualTo(last);
		assertThat(bulk.has("textBody")).isFalse();
	}

	@Test
	void summaryOfNoMatchingMailIsEmpty() throws Exception {
		this.store.add(mail("a@bulk.test", "Reminder"), List.of("a@bulk.test"));

		JsonNode none = get("/api/messages/summary?to=nobody%40nowhere.test");

		assertThat(none.get("count").asInt()).isZero();
		assertThat(none.get("recipients").size()).isZero();
		assertThat(none.get("firstReceivedAt").isNull()).isTrue();
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.web.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static byte[] mail(String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("noreply@suite.test"));
		message.setRecipients(Message.RecipientType.TO, to);
		message.setSubject(subject);
		message.setText("Hello");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

}
