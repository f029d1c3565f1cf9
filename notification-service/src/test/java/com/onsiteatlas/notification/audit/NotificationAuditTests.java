package com.onsiteatlas.notification.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The notification audit trail: each sensitive operation leaves one entry naming its
 * actor and never a secret; the trail is the admin's, paged, filtered and exportable.
 */
class NotificationAuditTests extends NotificationIntegrationTest {

	static final String MANAGER_ID = "65f0a00000000000000000b2";

	String eventId;

	WebTestClient admin;

	WebTestClient manager;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
		this.manager = this.client.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.of(MANAGER_ID, "staff", "manager", null))
			.build();
	}

	@Test
	void recordsChannelSettingsChangesByFieldWithoutTheSecret() {
		this.manager.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map
				.of("email", Map.of("smtp",
						Map.of("host", "smtp.example.org", "username", "icc", "password", "audit-smtp-secret-4242")),
						"sms",
						Map.of("provider", "twilio", "config",
								Map.of("accountSid", "AC9", "authToken", "audit-twilio-secret-7777"))))
			.exchange()
			.expectStatus()
			.isOk();
		String trail = trail("?action=channel-settings.updated");
		assertThat(JsonPath.<List<Object>>read(trail, "$.data")).hasSize(1);
		assertThat(JsonPath.<String>read(trail, "$.data[0].actor.id")).isEqualTo(MANAGER_ID);
		assertThat(JsonPath.<String>read(trail, "$.data[0].actor.role")).isEqualTo("manager");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[0].fields")).contains("email.smtp.password",
				"email.smtp.host", "sms.providers.twilio.authToken");
		assertThat(trail).doesNotContain("audit-smtp-secret-4242", "audit-twilio-secret-7777", "v1:");
		List<Document> stored = this.mongo
			.find(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("event").is(this.eventId)),
					Document.class, "audit_trail")
			.collectList()
			.block();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).toJson()).doesNotContain("audit-smtp-secret-4242", "audit-twilio-secret-7777");
	}

	@Test
	void recordsTemplateAndTriggerChangesInOrder() {
		String template = created("/api/events/{e}/notification-templates",
				Map.of("name", "Welcome", "type", "email", "subject", "Hi", "contentHtml", "<p>Hi</p>"));
		this.manager.put()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, template)
			.bodyValue(Map.of("subject", "Hello"))
			.exchange()
			.expectStatus()
			.isOk();
		String trigger = created("/api/events/{e}/notification-triggers", Map.of("name", "Reminder", "triggerType",
				"manual", "isActive", false, "templates", List.of(Map.of("channel", "email", "template", template))));
		this.manager.put()
			.uri("/api/events/{e}/notification-triggers/{id}", this.eventId, trigger)
			.bodyValue(Map.of("isActive", true))
			.exchange()
			.expectStatus()
			.isOk();
		this.manager.delete()
			.uri("/api/events/{e}/notification-triggers/{id}", this.eventId, trigger)
			.exchange()
			.expectStatus()
			.isOk();
		this.manager.delete()
			.uri("/api/events/{e}/notification-templates/{id}", this.eventId, template)
			.exchange()
			.expectStatus()
			.isOk();
		String trail = trail("?sortBy=at:asc");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[*].action")).containsExactly("template.created",
				"template.updated", "trigger.created", "trigger.updated", "trigger.deleted", "template.deleted");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[*].actor.id")).containsOnly(MANAGER_ID);
		assertThat(JsonPath.<List<String>>read(trail, "$.data[1].fields")).containsExactly("subject");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[3].fields")).containsExactly("isActive");
		assertThat(JsonPath.<String>read(trail, "$.data[4].resourceId")).isEqualTo(trigger);
	}

	@Test
	void recordsABulkSendWithItsActorAndAudienceSize() {
		String template = created("/api/events/{e}/notification-templates",
				Map.of("name", "News", "type", "email", "subject", "News", "contentHtml", "<p>News</p>"));
		this.manager.post()
			.uri("/api/events/{e}/notifications/send", this.eventId)
			.bodyValue(Map.of("templateId", template, "recipients",
					List.of(Map.of("name", "A", "email", "a@example.org"),
							Map.of("name", "B", "email", "b@example.org"),
							Map.of("name", "C", "email", "c@example.org"))))
			.exchange()
			.expectStatus()
			.isAccepted();
		String trail = trail("?action=bulk-send.requested");
		assertThat(JsonPath.<List<Object>>read(trail, "$.data")).hasSize(1);
		assertThat(JsonPath.<String>read(trail, "$.data[0].actor.id")).isEqualTo(MANAGER_ID);
		assertThat(JsonPath.<String>read(trail, "$.data[0].summary")).startsWith("3 message(s): 3 recipient(s)");
		assertThat(JsonPath.<String>read(trail, "$.data[0].resourceId")).startsWith("send:");
	}

	@Test
	void recordsTheLegacyCutoverImportAndActivation() {
		this.manager.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", true, "automaticEmails", Map.of("registrationConfirmation", true), "templates",
					Map.of("registration", Map.of("subject", "Welcome", "body", "<p>Welcome</p>"))))
			.exchange()
			.expectStatus()
			.isOk();
		this.manager.post()
			.uri("/api/events/{e}/notification/legacy-cutover/activate", this.eventId)
			.exchange()
			.expectStatus()
			.isOk();
		String trail = trail("?sortBy=at:asc");
		List<String> actions = JsonPath.read(trail, "$.data[*].action");
		assertThat(actions).startsWith("legacy-cutover.imported").endsWith("legacy-cutover.activated");
		assertThat(actions).contains("trigger.activated");
		assertThat(JsonPath.<List<String>>read(trail, "$.data[*].actor.role")).containsOnly("manager");
	}

	@Test
	void onlyAdminsReadTheTrail() {
		for (String role : List.of("manager", "staff", "reviewer")) {
			Staff.as(this.client, role)
				.get()
				.uri("/api/events/{e}/notification-audit", this.eventId)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		this.client.get()
			.uri("/api/events/{e}/notification-audit", this.eventId)
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.registrant("65f0a00000000000000000c3", this.eventId))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/events/{e}/notification-audit", this.eventId)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void pagesAndFiltersByActionAndTime() {
		Instant day1 = Instant.parse("2026-03-01T10:00:00Z");
		for (int i = 0; i < 3; i++) {
			this.clock.setTime(day1.plusSeconds(86_400L * i));
			created("/api/events/{e}/notification-templates",
					Map.of("name", "T" + i, "type", "email", "subject", "S", "contentHtml", "<p>x</p>"));
		}
		this.admin.get()
			.uri("/api/events/{e}/notification-audit?limit=2", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(3)
			.jsonPath("$.data[0].summary")
			.isEqualTo("email template 'T2'");
		String fromTo = trail("?from=2026-03-02&to=2026-03-02");
		assertThat(JsonPath.<List<String>>read(fromTo, "$.data[*].summary")).containsExactly("email template 'T1'");
		String instants = trail("?from=2026-03-02T10:00:00Z&action=template.created");
		assertThat(JsonPath.<List<String>>read(instants, "$.data[*].summary")).containsExactly("email template 'T2'",
				"email template 'T1'");
		assertThat(JsonPath.<List<Object>>read(trail("?action=trigger.deleted"), "$.data")).isEmpty();
	}

	@Test
	void exportsTheTrailAsCsv() {
		created("/api/events/{e}/notification-templates", Map.of("name", "=HYPERLINK(\"x\"), with comma", "type",
				"email", "subject", "S", "contentHtml", "<p>x</p>"));
		String csv = this.admin.get()
			.uri("/api/events/{e}/notification-audit?format=csv", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "csv"))
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, containsString("notification-audit-" + this.eventId + ".csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0))
			.isEqualTo("at,action,actorId,actorType,actorRole,resourceType,resourceId,summary,fields");
		assertThat(lines.get(1)).contains(",template.created," + MANAGER_ID + ",staff,manager,template,")
			.contains("\"email template '=HYPERLINK(\"\"x\"\"), with comma'\"");
	}

	@Test
	void refusesBadFiltersWithAMessage() {
		for (String[] bad : new String[][] { { "from=yesterday", "'from' must be a date" },
				{ "to=2026-13-01", "'to' must be a date" }, { "action=template.renamed", "action must be one of" },
				{ "from=2026-03-02&to=2026-03-01", "'from' must be before 'to'" },
				{ "format=xml", "'format' must be json or csv" }, { "limit=0", "'limit' must be a positive" } }) {
			this.admin.get()
				.uri("/api/events/" + this.eventId + "/notification-audit?" + bad[0])
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.success")
				.isEqualTo(false)
				.jsonPath("$.message")
				.value(containsString(bad[1]));
		}
	}

	private String created(String uri, Map<String, Object> body) {
		String response = new String(this.manager.post()
			.uri(uri, this.eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
		return JsonPath.read(response, "$.data._id");
	}

	private String trail(String query) {
		return new String(this.admin.get()
			.uri("/api/events/" + this.eventId + "/notification-audit" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
	}

}
