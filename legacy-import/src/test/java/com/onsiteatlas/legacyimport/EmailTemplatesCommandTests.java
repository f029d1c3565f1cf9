package com.onsiteatlas.legacyimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.embeddedmongo.IdIndexedMemoryBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/atlas import --email-templates}: each conference's e-mail settings go to
 * notification-service's cutover import through a stand-in gateway that records what it
 * is sent.
 */
class EmailTemplatesCommandTests {

	private MongoServer server;

	private String uri;

	private HttpServer gateway;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private String eventId;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void start() throws IOException {
		this.server = new MongoServer(new IdIndexedMemoryBackend());
		this.uri = this.server.bindAndGetConnectionString() + "/onsite-atlas";
		try (MongoClient client = MongoClients.create(this.uri)) {
			LegacyData data = new LegacyData(client.getDatabase("onsite-atlas")).conference("Cardiology Summit");
			this.eventId = data.eventId().toHexString();
			client.getDatabase("onsite-atlas")
				.getCollection("events")
				.updateOne(Filters.eq("_id", data.eventId()),
						Updates.set("emailSettings.templates",
								new Document("registration", new Document("subject", "Welcome to {{eventName}}")
									.append("body", "<p>Dear {{firstName}}</p>[QR_CODE]"))));
			client.getDatabase("onsite-atlas")
				.getCollection("events")
				.insertOne(new Document("name", "No mail congress"));
		}
		this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.gateway.createContext("/", (exchange) -> {
			this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			byte[] body = ((this.status == 200)
					? "{\"success\":true,\"message\":\"Imported 1 template(s) (1 new, 0 updated); 1 trigger(s) wait inactive\"}"
					: "{\"success\":false,\"message\":\"The emailSettings object is not what ONSITE ATLAS stores\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, body.length);
			try (OutputStream stream = exchange.getResponseBody()) {
				stream.write(body);
			}
		});
		this.gateway.start();
	}

	@AfterEach
	void stop() {
		this.gateway.stop(0);
		this.server.shutdownNow();
	}

	@Test
	void postsEachConferencesEmailSettingsWithoutItsSmtpSecretsToTheCutoverImport() throws IOException {
		int exit = run("--legacy-mongodb-uri", this.uri, "--email-templates", "--gateway-url", gatewayUrl(), "--token",
				"admin-token");

		String output = this.out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(this.err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/events/" + this.eventId + "/notification/legacy-cutover/import");
			assertThat(request.authorization()).isEqualTo("Bearer admin-token");
		});
		JsonNode body = new ObjectMapper().readTree(this.requests.get(0).body());
		assertThat(body.at("/enabled").booleanValue()).isTrue();
		assertThat(body.at("/automaticEmails/registrationConfirmation").booleanValue()).isTrue();
		assertThat(body.at("/templates/registration/body").asText()).isEqualTo("<p>Dear {{firstName}}</p>[QR_CODE]");
		assertThat(this.requests.get(0).body()).doesNotContain("plain-text-secret")
			.doesNotContain("smtpPassword")
			.doesNotContain("senderEmail");
		assertThat(output).contains(this.eventId + " Cardiology Summit: Imported 1 template(s)")
			.contains("No mail congress: no emailSettings, nothing to import")
			.contains("1 conference(s) imported, 1 without settings, 0 failed");
	}

	@Test
	void saysWhichConferenceTheServiceRefusedAndExitsWithOne() {
		this.status = 400;

		int exit = run("--legacy-mongodb-uri", this.uri, "--email-templates", "--gateway-url", gatewayUrl(), "--token",
				"admin-token", "--event", this.eventId);

		assertThat(exit).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.contains("FAILED (400) The emailSettings object is not what ONSITE ATLAS stores");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains(this.eventId + " were not imported");
	}

	@Test
	void needsATokenAndKeepsTheGatewayOptionsForTheEmailImport() {
		assertThat(run("--legacy-mongodb-uri", this.uri, "--email-templates", "--gateway-url", gatewayUrl()))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--email-templates needs --token");
		assertThat(run("--legacy-mongodb-uri", this.uri, "--token", "t")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("go with --email-templates");
		assertThat(this.requests).isEmpty();
	}

	private String gatewayUrl() {
		return "http://127.0.0.1:" + this.gateway.getAddress().getPort();
	}

	private int run(String... args) {
		return LegacyImportCommand.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private record Recorded(String method, String path, String authorization, String body) {
	}

}
