package com.onsiteatlas.notification.cutover;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.GoldenSamples;
import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.notification.trigger.NotificationTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LegacyCutoverTests extends NotificationIntegrationTest {

	static final String REGISTRATION_BODY = "<p>Dear {{firstName}} {{lastName}},</p>"
			+ "<p>Your registration {{registrationId}} for {{eventName}} on {{eventDate}} is confirmed.</p>"
			+ "<p>Pay here: {{paymentLink}}</p>[QR_CODE]<p>Literal {{ braces }} stay text.</p>";

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	static Map<String, Object> emailSettings(String registrationSubject, boolean workshopInfo) {
		return Map.of("enabled", true, "senderName", "Cardio Team", "smtpHost", "smtp.example.com", "smtpPassword",
				"plain-text-secret", "automaticEmails",
				Map.of("registrationConfirmation", true, "workshopInfo", workshopInfo, "eventReminder", true,
						"certificateDelivery", true),
				"templates",
				Map.of("registration", Map.of("subject", registrationSubject, "body", REGISTRATION_BODY), "workshop",
						Map.of("subject", "Your workshop {{workshopTitle}}", "body",
								"<p>{{workshopTitle}} on {{workshopDate}} at {{workshopTime}}, {{workshopLocation}}</p>"),
						"abstractApproved",
						Map.of("subject", "Abstract {{abstractNumber}} accepted", "body",
								"Dear {{firstName}},\nyour abstract {{abstractTitle}} was accepted."),
						"certificate", Map.of("subject", "Your certificate", "body", "<p>Attached.</p>"), "reminder",
						Map.of("subject", "See you at {{eventName}}", "body", "<p>{{eventVenue}}</p>")));
	}

	String importSettings(Object body) {
		return new String(this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
	}

	String activate() {
		return new String(this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/activate", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
	}

	List<NotificationTemplate> templates() {
		return this.mongo.find(Query.query(Criteria.where("event").is(this.eventId)), NotificationTemplate.class)
			.collectList()
			.block();
	}

	List<NotificationTrigger> triggers() {
		return this.mongo.find(Query.query(Criteria.where("event").is(this.eventId)), NotificationTrigger.class)
			.collectList()
			.block();
	}

	NotificationTemplate template(String name) {
		return templates().stream().filter((t) -> t.name().startsWith(name)).findFirst().orElseThrow();
	}

	@Test
	void importsEveryStoredTemplateWithMappedVariablesAndTheSwitchesAsInactiveTriggers() {
		String answer = importSettings(emailSettings("Welcome to {{eventName}}", true));

		assertThat(templates()).hasSize(5).allSatisfy((template) -> {
			assertThat(template.type()).isEqualTo("email");
			assertThat(template.isActive()).isTrue();
			assertThat(template.transactional()).isTrue();
		});
		NotificationTemplate registration = template("Registration confirmation");
		assertThat(registration.subject()).isEqualTo("Welcome to {{eventName}}");
		assertThat(registration.contentHtml()).contains("Dear {{firstName}} {{lastName}}")
			.contains("[QR_CODE]")
			.contains("&#123;&#123; braces }}")
			.contains("{{paymentLink}}");
		assertThat(registration.variables()).containsExactly("eventName", "firstName", "lastName", "registrationId",
				"eventDate", "[QR_CODE]");
		assertThat(template("Abstract approved").contentHtml()).contains("Dear {{firstName}},<br/>your abstract");
		assertThat((List<String>) JsonPath.read(answer,
				"$.data.templates[?(@.key == 'registration')].unknownVariables[*]"))
			.containsExactly("paymentLink");
		assertThat((String) JsonPath.read(answer, "$.message")).contains("{{paymentLink}}");
		assertThat(answer).doesNotContain("plain-text-secret").doesNotContain("smtp.example.com");

		List<NotificationTrigger> triggers = triggers();
		assertThat(triggers).extracting(NotificationTrigger::eventType)
			.containsExactlyInAnyOrder("registration-created", "workshop-registered");
		assertThat(triggers).noneMatch(NotificationTrigger::isActive);
		NotificationTrigger onRegistration = triggers.stream()
			.filter((t) -> "registration-created".equals(t.eventType()))
			.findFirst()
			.orElseThrow();
		assertThat(onRegistration.templates()).singleElement()
			.satisfies((ref) -> assertThat(ref.template()).isEqualTo(registration.id()));
		assertThat((List<String>) JsonPath.read(answer, "$.data.switches[*].key")).containsExactly(
				"registrationConfirmation", "workshopInfo", "eventReminder", "certificateDelivery",
				"scientificBrochure");
		assertThat((List<String>) JsonPath.read(answer, "$.data.switches[*].status")).containsExactly("inactive",
				"inactive", "no-trigger", "no-trigger", "no-trigger");
		assertThat((String) JsonPath.read(answer, "$.data.switches[2].note"))
			.contains("the conference is not known here yet");
		assertThat((List<String>) JsonPath.read(answer, "$.data.turnOff")).isEmpty();
		this.admin.get()
			.uri("/api/events/{e}/notification/legacy-cutover", this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.switches[0].status")
			.isEqualTo("inactive")
			.jsonPath("$.data.importedAt")
			.exists()
			.jsonPath("$.data.activatedAt")
			.doesNotExist();
	}

	@Test
	void importingAgainUpdatesTheSameTemplatesAndTriggersInsteadOfAddingCopies() {
		importSettings(emailSettings("Welcome to {{eventName}}", true));
		List<String> templateIds = templates().stream().map(NotificationTemplate::id).sorted().toList();
		List<String> triggerIds = triggers().stream().map(NotificationTrigger::id).sorted().toList();

		String again = importSettings(emailSettings("You are in: {{eventName}}", true));

		assertThat(templates().stream().map(NotificationTemplate::id).sorted().toList()).isEqualTo(templateIds);
		assertThat(triggers().stream().map(NotificationTrigger::id).sorted().toList()).isEqualTo(triggerIds);
		assertThat(template("Registration confirmation").subject()).isEqualTo("You are in: {{eventName}}");
		assertThat((Integer) JsonPath.read(again, "$.data.templatesCreated")).isZero();
		assertThat((Integer) JsonPath.read(again, "$.data.templatesUpdated")).isEqualTo(5);

		String otherEvent = Staff.newEventId();
		this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", otherEvent)
			.bodyValue(emailSettings("Welcome to {{eventName}}", true))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(templates().stream().map(NotificationTemplate::id).sorted().toList())
			.as("another conference's import has templates of its own")
			.isEqualTo(templateIds);
	}

	@Test
	void activationSwitchesOnWhatOnsiteAtlasSendsAndNamesTheLegacySwitchesToTurnOff() {
		importSettings(emailSettings("Welcome to {{eventName}}", false));

		String answer = activate();

		NotificationTrigger onRegistration = triggers().stream()
			.filter((t) -> "registration-created".equals(t.eventType()))
			.findFirst()
			.orElseThrow();
		NotificationTrigger onWorkshop = triggers().stream()
			.filter((t) -> "workshop-registered".equals(t.eventType()))
			.findFirst()
			.orElseThrow();
		assertThat(onRegistration.isActive()).isTrue();
		assertThat(onWorkshop.isActive()).as("ONSITE ATLAS does not send workshopInfo: ours stays off").isFalse();
		assertThat((List<String>) JsonPath.read(answer, "$.data.activated")).containsExactly(onRegistration.id());
		assertThat((List<String>) JsonPath.read(answer, "$.data.turnOff"))
			.containsExactly("emailSettings.automaticEmails.registrationConfirmation = false");
		assertThat((String) JsonPath.read(answer, "$.message"))
			.contains("emailSettings.automaticEmails.registrationConfirmation = false");
		assertThat((List<String>) JsonPath.read(answer, "$.data.keepOn[*].setting")).containsExactly(
				"emailSettings.automaticEmails.eventReminder", "emailSettings.automaticEmails.certificateDelivery");

		// The operator turned the switch off in ONSITE ATLAS and imports again: ours
		// stays
		// on, and nothing is left to turn off.
		Map<String, Object> after = new java.util.HashMap<>(emailSettings("Welcome to {{eventName}}", false));
		after.put("automaticEmails", Map.of("registrationConfirmation", false, "certificateDelivery", true));
		String reimported = importSettings(after);
		assertThat(triggers()).filteredOn(NotificationTrigger::isActive)
			.extracting(NotificationTrigger::id)
			.containsExactly(onRegistration.id());
		assertThat((List<String>) JsonPath.read(reimported, "$.data.turnOff")).isEmpty();
		assertThat((String) JsonPath.read(reimported, "$.data.switches[0].status")).isEqualTo("active");
		assertThat((String) JsonPath.read(reimported, "$.data.activatedAt")).isNotNull();
	}

	@Test
	void anImportedTriggerSendsThroughTheNormalPathOnceActiveWhileReplayedHistorySendsNothing() throws Exception {
		importSettings(emailSettings("Welcome to {{eventName}}", true));
		String before = Events.newId();
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, before, "before." + before + "@example.com"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.findById(before, Document.class, "registrations").block() != null);

		activate();
		String replayed = Events.newId();
		ObjectNode history = Events.fresh("registration-created", this.eventId, replayed,
				"replayed." + replayed + "@example.com");
		history.put("atlasreplay", true);
		Events.publish(this.kafka, Topics.REGISTRATIONS, history);
		String live = Events.newId();
		String email = "live." + live + "@example.com";
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, live, email));

		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
		MimeMessage mail = mailsTo(email).get(0);
		assertThat(mail.getSubject()).isEqualTo("Welcome to Indian Cardiology Congress 2025");
		Multipart alternative = (Multipart) mail.getContent();
		Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
		assertThat((String) related.getBodyPart(0).getContent()).contains("Dear Priya Sharma,")
			.contains("REG-0001 for Indian Cardiology Congress 2025 on November 14, 2025")
			.contains("<img src=\"cid:qrcode\"");
		assertThat((String) alternative.getBodyPart(0).getContent()).contains("Literal {{ braces }} stay text.");
		assertThat(related.getBodyPart(1).getContentType()).startsWith("image/png");
		assertThat(this.mongo.findById(replayed, Document.class, "registrations").block())
			.as("the replayed registration reached the read model")
			.isNotNull();
		assertThat(mailsTo(replayed)).as("history is not mailed").isEmpty();
		assertThat(mailsTo(before)).as("nothing was sent while the trigger was inactive").isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("registration").in(replayed, before)), "notifications")
			.block()).isZero();
	}

	@Test
	void importsTheReminderAsAOneTimeTriggerTheDayBeforeTheConferenceItKnows() {
		ObjectNode created = GoldenSamples.tree("event-created", 1);
		Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(4, ChronoUnit.HOURS);
		created.put("id", java.util.UUID.randomUUID().toString());
		created.put("time", Instant.now().toString());
		created.put("eventid", this.eventId);
		created.put("subject", this.eventId);
		ObjectNode event = (ObjectNode) created.get("data").get("event");
		event.put("_id", this.eventId);
		event.put("startDate", start.toString());
		event.put("endDate", start.plus(2, ChronoUnit.DAYS).toString());
		Events.publish(this.kafka, Topics.EVENTS, created);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.findById(this.eventId, Document.class, "conferences").block() != null);
		Map<String, Object> settings = new java.util.HashMap<>(emailSettings("Welcome", true));
		settings.put("templates",
				Map.of("reminder", Map.of("subject", "See you at {{eventName}}", "body", "<p>{{eventVenue}}</p>")));

		String answer = importSettings(settings);

		NotificationTrigger reminder = triggers().stream()
			.filter((t) -> "scheduled".equals(t.triggerType()))
			.findFirst()
			.orElseThrow();
		String day = start.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate().minusDays(1).toString();
		assertThat(reminder.schedule().type()).isEqualTo("one-time");
		assertThat(reminder.schedule().date()).isEqualTo(day);
		assertThat(reminder.schedule().time()).isEqualTo("09:00");
		assertThat(reminder.isActive()).isFalse();
		assertThat(reminder.nextRunAt()).isNull();
		assertThat((String) JsonPath.read(answer, "$.data.switches[2].status")).isEqualTo("inactive");

		activate();
		NotificationTrigger active = this.mongo.findById(reminder.id(), NotificationTrigger.class).block();
		assertThat(active.isActive()).isTrue();
		assertThat(active.nextRunAt()).isEqualTo(
				java.time.LocalDate.parse(day).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant());
	}

	@Test
	void refusesWhatIsNotAnOnsiteAtlasEmailSettingsObjectWithAMessage() {
		for (Object body : List.of(List.of(1, 2), "emailSettings", 42)) {
			this.admin.post()
				.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue((body instanceof String text) ? "\"" + text + "\"" : body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.success")
				.isEqualTo(false)
				.jsonPath("$.message")
				.value((String message) -> assertThat(message).contains("emailSettings object"));
		}
		this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.bodyValue(Map.of("automaticEmails", Map.of("registrationConfirmation", true, "welcomeSequence", true)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("automaticEmails.welcomeSequence"))
			.jsonPath("$.errors[0].field")
			.isEqualTo("automaticEmails.welcomeSequence");
		this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.bodyValue(Map.of("automaticEmails", Map.of("registrationConfirmation", "yes"), "templates",
					Map.of("registration", Map.of("body", "<p>{{firstName}}</p>"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields)
				.containsExactly("automaticEmails.registrationConfirmation", "templates.registration.subject"));
		this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.bodyValue(Map.of("enabled", true, "zzUnknown", List.of(1, 2), "templates",
					Map.of("registration", Map.of("subject", "Hi", "body", "x".repeat(600_000)))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((List<String> fields) -> assertThat(fields).containsExactly("zzUnknown",
					"templates.registration.body"));
		assertThat(templates()).isEmpty();
		this.admin.post()
			.uri("/api/events/{e}/notification/legacy-cutover/activate", this.eventId)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("legacy-cutover/import"));
		Staff.as(this.client, "staff")
			.post()
			.uri("/api/events/{e}/notification/legacy-cutover/import", this.eventId)
			.bodyValue(emailSettings("Welcome", true))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	static List<MimeMessage> mailsTo(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			try {
				if (message.getAllRecipients()[0].toString().contains(address)) {
					found.add(message);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

}
