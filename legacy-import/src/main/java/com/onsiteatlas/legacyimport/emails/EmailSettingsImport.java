package com.onsiteatlas.legacyimport.emails;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * Reads each conference's {@code emailSettings} (only {@code enabled},
 * {@code automaticEmails} and {@code templates}: the SMTP fields, whose password ONSITE
 * ATLAS stores in plain text, are never read) and posts it to
 * {@code /api/events/{id}/notification/legacy-cutover/import} through the gateway with
 * the operator's token. Nothing is published and nothing is activated: the triggers it
 * makes wait inactive until the operator activates the cutover (docs/notification.md).
 */
public final class EmailSettingsImport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

	private final MongoDatabase database;

	private final String gatewayUrl;

	private final String token;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final ObjectMapper mapper = new ObjectMapper();

	public EmailSettingsImport(MongoDatabase database, String gatewayUrl, String token, PrintStream out) {
		this.database = database;
		this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
		this.token = token;
		this.out = out;
	}

	/**
	 * Imports the e-mail settings of every conference, or of one.
	 * @param eventId only this conference, or null
	 * @return what happened
	 */
	public Outcome run(String eventId) {
		List<String> failed = new ArrayList<>();
		int imported = 0;
		int without = 0;
		try (MongoCursor<Document> events = this.database.getCollection("events")
			.find(filter(eventId))
			.projection(Projections.include("name", "emailSettings.enabled", "emailSettings.automaticEmails",
					"emailSettings.templates"))
			.sort(Sorts.ascending("_id"))
			.iterator()) {
			while (events.hasNext()) {
				Document event = events.next();
				String id = String
					.valueOf(event.get("_id") instanceof ObjectId oid ? oid.toHexString() : event.get("_id"));
				Document settings = event.get("emailSettings", Document.class);
				if (settings == null) {
					without++;
					this.out.printf("%s %s: no emailSettings, nothing to import%n", id, event.getString("name"));
					continue;
				}
				Answer answer = post(id, settings.toJson(JSON));
				if (answer.ok()) {
					imported++;
					this.out.printf("%s %s: %s%n", id, event.getString("name"), answer.message());
				}
				else {
					failed.add(id);
					this.out.printf("%s %s: FAILED (%s) %s%n", id, event.getString("name"), answer.status(),
							answer.message());
				}
			}
		}
		this.out.printf("E-mail settings: %d conference(s) imported, %d without settings, %d failed%n", imported,
				without, failed.size());
		if (imported > 0) {
			this.out.println("The imported triggers are inactive: check GET /api/events/<id>/notification/"
					+ "legacy-cutover, then activate (docs/notification.md, \"Cutover from ONSITE ATLAS emails\")");
		}
		return new Outcome(imported, without, List.copyOf(failed));
	}

	private Answer post(String eventId, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.gatewayUrl + "/api/events/" + eventId + "/notification/legacy-cutover/import"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode() / 100 == 2, String.valueOf(response.statusCode()),
					message(response.body()));
		}
		catch (IOException ex) {
			return new Answer(false, "unreachable", this.gatewayUrl + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(false, "interrupted", "stopped");
		}
	}

	private String message(String body) {
		try {
			JsonNode json = this.mapper.readTree(body);
			JsonNode message = (json != null) ? json.get("message") : null;
			return (message != null) ? message.asText() : body;
		}
		catch (IOException ex) {
			return body;
		}
	}

	private static Bson filter(String eventId) {
		if (eventId == null) {
			return new Document();
		}
		List<Object> ids = new ArrayList<>(List.of(eventId));
		if (ObjectId.isValid(eventId)) {
			ids.add(0, new ObjectId(eventId));
		}
		return Filters.in("_id", ids);
	}

	private record Answer(boolean ok, String status, String message) {
	}

	/**
	 * The end of a run.
	 *
	 * @param imported conferences whose settings were imported
	 * @param withoutSettings conferences without {@code emailSettings}
	 * @param failed the conferences whose import was refused or did not reach the service
	 */
	public record Outcome(int imported, int withoutSettings, List<String> failed) {
	}

}
