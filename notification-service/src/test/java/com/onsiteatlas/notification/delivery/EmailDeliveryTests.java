package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.Topics;
import com.onsiteatlas.notification.Events;
import com.onsiteatlas.notification.NotificationIntegrationTest;
import com.onsiteatlas.notification.Staff;
import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.NotificationTemplate;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailDeliveryTests extends NotificationIntegrationTest {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	NotificationService notifications;

	@Autowired
	NotificationConfigService configs;

	@Autowired
	List<com.onsiteatlas.notification.channel.Channel> channels;

	@Autowired
	OptOuts optOuts;

	@Autowired
	NotificationRepository notificationRepository;

	@Autowired
	WhatsAppSessionRepository whatsAppSessions;

	@Autowired
	Outbox outbox;

	@Autowired
	NotificationProperties properties;

	String eventId;

	WebTestClient admin;

	@BeforeEach
	void setUp() {
		this.eventId = Staff.newEventId();
		this.admin = Staff.as(this.client, "admin");
	}

	String post(String uri, Map<String, Object> body) {
		byte[] response = this.admin.post()
			.uri(uri, this.eventId)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return new String(response);
	}

	String confirmationTrigger(boolean transactional) {
		String template = JsonPath.read(post("/api/events/{e}/notification-templates", Map.of("name", "Confirmation",
				"type", "email", "transactional", transactional, "subject", "Welcome to {{eventName}}", "contentHtml",
				"<p>Dear {{firstName}},</p><p>Your registration {{registrationId}} is confirmed.</p>[QR_CODE]")),
				"$.data._id");
		post("/api/events/{e}/notification-triggers",
				Map.of("name", "On registration", "triggerType", "event", "eventType", "registration-created",
						"conditions",
						List.of(Map.of("field", "registration.status", "operator", "equals", "value", "active")),
						"templates", List.of(Map.of("channel", "email", "template", template))));
		return template;
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

	Notification notificationFor(String registration) {
		return this.mongo
			.findOne(Query.query(Criteria.where("event").is(this.eventId).and("registration").is(registration)),
					Notification.class)
			.block();
	}

	@Test
	void registrationCreatedOnKafkaProducesTheConfirmationEmailWithQrAndASentNotification() throws Exception {
		confirmationTrigger(true);
		String registration = Events.newId();
		String email = "priya." + registration + "@example.com";
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, registration, email));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
		MimeMessage mail = mailsTo(email).get(0);
		assertThat(mail.getSubject()).isEqualTo("Welcome to Indian Cardiology Congress 2025");
		Multipart alternative = (Multipart) mail.getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		assertThat((String) alternative.getBodyPart(0).getContent()).contains("Dear Priya,")
			.contains("REG-0001 is confirmed");
		Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
		assertThat((String) related.getBodyPart(0).getContent()).contains("<img src=\"cid:qrcode\"");
		BodyPart qr = related.getBodyPart(1);
		assertThat(qr.getContentType()).startsWith("image/png");
		assertThat(((jakarta.mail.internet.MimeBodyPart) qr).getContentID()).isEqualTo("<qrcode>");
		assertThat(mail.getHeader("List-Unsubscribe")).as("transactional mail has no unsubscribe").isNull();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> notificationFor(registration).status() == NotificationStatus.SENT);
		Notification notification = notificationFor(registration);
		this.admin.get()
			.uri("/api/events/{e}/notifications?registration={r}&status=sent", this.eventId, registration)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].status")
			.isEqualTo("sent")
			.jsonPath("$.data[0].sentAt")
			.exists()
			.jsonPath("$.data[0].providerMessageId")
			.isEqualTo(mail.getMessageID())
			.jsonPath("$.data[0].attempts[0].outcome")
			.isEqualTo("sent")
			.jsonPath("$.data[0].outbox")
			.doesNotExist();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> TopicReader.readAll(Topics.NOTIFICATIONS)
				.stream()
				.anyMatch((record) -> new String(record.value()).contains(notification.id())
						&& "notification-sent".equals(TopicReader.header(record, "ce_type"))));
	}

	@Test
	void aRedeliveredEventSendsOnlyOneEmail() {
		confirmationTrigger(true);
		String registration = Events.newId();
		String email = "again." + registration + "@example.com";
		ObjectNode event = Events.fresh("registration-created", this.eventId, registration, email);
		Events.publish(this.kafka, Topics.REGISTRATIONS, event);
		Events.publish(this.kafka, Topics.REGISTRATIONS, event);
		String marker = Events.newId();
		String markerEmail = "marker." + marker + "@example.com";
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, marker, markerEmail));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(markerEmail).size() == 1);
		assertThat(mailsTo(email)).hasSize(1);
	}

	@Test
	void eventTriggersRelyOnTheUniqueSendKeyInsteadOfProcessedIdBookkeeping() {
		confirmationTrigger(true);
		String registration = Events.newId();
		String email = "thrice." + registration + "@example.com";
		ObjectNode event = Events.fresh("registration-created", this.eventId, registration, email);
		for (int i = 0; i < 3; i++) {
			Events.publish(this.kafka, Topics.REGISTRATIONS, event);
		}
		String marker = Events.newId();
		String markerEmail = "marker." + marker + "@example.com";
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, marker, markerEmail));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(markerEmail).size() == 1);
		assertThat(mailsTo(email)).hasSize(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("registration").is(registration)), Notification.class)
			.block()).isEqualTo(1);
		// Two round trips per consumed event saved: nothing remembered for the triggers.
		assertThat(this.mongo
			.count(Query.query(Criteria.where("envelopeId").is(event.get("id").asText())), "processed_domain_events")
			.block()).isZero();
	}

	@Test
	void theUniqueKeyStopsDuplicatesEvenWhenTheSameSendIsRecordedConcurrently() {
		String registration = Events.newId();
		NotificationTemplate template = template(true);
		SendRequest request = new SendRequest(this.eventId, registration, "REG-9", "trigger-1", template,
				Map.of("firstName", "Asha"),
				new Notification.Recipient("Asha", "asha." + registration + "@example.com", null), "envelope-1",
				"event");
		List<NotificationService.EnqueueResult> results = Flux
			.merge(this.notifications.enqueue(Flux.just(request)), this.notifications.enqueue(Flux.just(request)),
					this.notifications.enqueue(Flux.just(request)))
			.collectList()
			.block();
		assertThat(results).extracting(NotificationService.EnqueueResult::queued).containsExactlyInAnyOrder(1, 0, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("asha." + registration).size() == 1);
		assertThat(this.mongo.count(Query.query(Criteria.where("registration").is(registration)), Notification.class)
			.block()).isEqualTo(1);
	}

	NotificationTemplate template(boolean transactional) {
		Instant now = Instant.now();
		NotificationTemplate template = new NotificationTemplate(Events.newId(), this.eventId, "Inline", null, "email",
				"Hello {{firstName}}", "<p>Hello {{firstName}}</p>", null, List.of(), true, transactional, null, null,
				now, now);
		return this.mongo.insert(template).block();
	}

	@Test
	void resumesACrashedBatchWithoutSendingAnythingTwiceEvenWithTwoDispatchers() {
		NotificationTemplate template = template(true);
		Instant now = Instant.now();
		List<Notification> batch = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String address = "batch" + i + "." + this.eventId + "@example.com";
			// The first three were sent before the crash; the next three were claimed by
			// the crashed instance (expired leases); the rest were never touched.
			NotificationStatus status = (i < 3) ? NotificationStatus.SENT : NotificationStatus.PENDING;
			Instant leaseUntil = (i >= 3 && i < 6) ? now.minusSeconds(5) : null;
			batch.add(new Notification(Events.newId(), this.eventId, Events.newId(), null, null, template.id(), "email",
					new Notification.Recipient("Batch " + i, address, null),
					new Notification.Content("Batch " + i, "Hello " + i, "<p>Hello " + i + "</p>", null), status, null,
					null, (i < 3) ? now : null, now, now, "crash-test|" + this.eventId + "|" + i, "manual",
					(i < 3) ? 1 : 0, List.of(), now, (leaseUntil != null) ? "dead-instance" : null, leaseUntil, null,
					null, null, false, null, true, null, List.of()));
		}
		this.mongo.insertAll(batch).collectList().block();
		Dispatcher second = new Dispatcher(this.notificationRepository, this.whatsAppSessions, this.configs,
				this.channels, this.optOuts, this.outbox, this.properties, this.clock);
		Flux.merge(second.dispatchDue(), second.dispatchDue()).blockLast(Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.mongo
				.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is("sent")),
						Notification.class)
				.block() == 12);
		for (int i = 0; i < 12; i++) {
			assertThat(mailsTo("batch" + i + "." + this.eventId + "@")).as("mails to batch %d", i)
				.hasSize((i < 3) ? 0 : 1);
		}
	}

	@Test
	void nonTransactionalMailCarriesOneClickUnsubscribeAndOptedOutRecipientsGetNoMore() throws Exception {
		String template = JsonPath.read(
				post("/api/events/{e}/notification-templates", Map.of("name", "Newsletter", "type", "email",
						"transactional", false, "subject", "News", "contentHtml", "<p>News for {{firstName}}</p>")),
				"$.data._id");
		String address = "news." + this.eventId + "@example.com";
		Map<String, Object> send = Map.of("templateId", template, "recipients",
				List.of(Map.of("name", "Ravi", "email", address)));
		post("/api/events/{e}/notifications/send", send);
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
		MimeMessage mail = mailsTo(address).get(0);
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String link = mail.getHeader("List-Unsubscribe")[0];
		assertThat(link).startsWith("<https://atlas.test/api/notifications/unsubscribe/");
		String path = link.substring("<https://atlas.test".length(), link.length() - 1);

		this.client.post().uri(path + "x").exchange().expectStatus().isForbidden();
		this.client.get()
			.uri(path + "x")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("This unsubscribe link is not valid");
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/html")
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("action=\"" + path + "\""));
		this.client.post()
			.uri(path)
			.bodyValue("List-Unsubscribe=One-Click")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.exchange()
			.expectStatus()
			.isOk();

		post("/api/events/{e}/notifications/send", send);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo
				.count(Query.query(Criteria.where("event").is(this.eventId).and("status").is("skipped")),
						Notification.class)
				.block() == 1);
		Notification skipped = this.mongo
			.findOne(Query.query(Criteria.where("event").is(this.eventId).and("status").is("skipped")),
					Notification.class)
			.block();
		assertThat(skipped.errorCode()).isEqualTo("OPTED_OUT");
		assertThat(mailsTo(address)).hasSize(1);
	}

	@Test
	void testModeDivertsEverySendToTheTestRecipientsAndMarksIt() {
		String testAddress = "qa." + this.eventId + "@example.com";
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("testMode", true, "testRecipients", Map.of("email", testAddress)))
			.exchange()
			.expectStatus()
			.isOk();
		confirmationTrigger(true);
		String registration = Events.newId();
		String real = "real." + registration + "@example.com";
		Events.publish(this.kafka, Topics.REGISTRATIONS,
				Events.fresh("registration-created", this.eventId, registration, real));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(testAddress).size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notificationFor(registration).status() == NotificationStatus.SENT);
		Notification notification = notificationFor(registration);
		assertThat(notification.testMode()).isTrue();
		assertThat(notification.recipient().email()).isEqualTo(testAddress);
		assertThat(notification.originalRecipient().email()).isEqualTo(real);
		assertThat(mailsTo(real)).isEmpty();
	}

	@Test
	void retriesAnUnreachableServerThenFailsWithTheReasonAndResendsOnRequest() {
		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("smtp", Map.of("host", "127.0.0.1", "port", 1))))
			.exchange()
			.expectStatus()
			.isOk();
		String template = JsonPath.read(
				post("/api/events/{e}/notification-templates",
						Map.of("name", "Plain", "type", "email", "subject", "Hi", "contentHtml", "<p>Hi</p>")),
				"$.data._id");
		String address = "retry." + this.eventId + "@example.com";
		post("/api/events/{e}/notifications/send",
				Map.of("templateId", template, "recipients", List.of(Map.of("email", address))));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mongo.findOne(Query.query(Criteria.where("event").is(this.eventId)), Notification.class)
				.map(Notification::status)
				.block()
				.equals(NotificationStatus.FAILED));
		Notification failed = this.mongo
			.findOne(Query.query(Criteria.where("event").is(this.eventId)), Notification.class)
			.block();
		assertThat(failed.errorCode()).isEqualTo("ECONNREFUSED");
		assertThat(failed.attempts()).extracting(Notification.Attempt::outcome)
			.containsExactly("retry", "retry", "retry", "failed");

		this.admin.put()
			.uri("/api/events/{e}/notification-config", this.eventId)
			.bodyValue(Map.of("email", Map.of("smtp", Map.of("port", SMTP.getSmtp().getPort()))))
			.exchange()
			.expectStatus()
			.isOk();
		this.admin.post()
			.uri("/api/events/{e}/notifications/resend/{id}", this.eventId, failed.id())
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.mongo.findById(failed.id(), Notification.class)
				.block()
				.status() == NotificationStatus.SENT);
		assertThat(this.mongo.findById(failed.id(), Notification.class).block().attempts()).hasSize(5);
		this.admin.post()
			.uri("/api/events/{e}/notifications/resend/{id}", this.eventId, failed.id())
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void testSendDeliversThroughTheRealChannel() {
		String template = JsonPath.read(post("/api/events/{e}/notification-templates", Map.of("name", "Test me", "type",
				"email", "subject", "Preview for {{firstName}}", "contentHtml", "<p>{{eventName}}</p>")), "$.data._id");
		String address = "tester." + this.eventId + "@example.com";
		post("/api/events/{e}/notification-templates/" + template + "/test", Map.of("email", address));
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
		assertThat(Mono.fromCallable(() -> mailsTo(address).get(0).getSubject()).block())
			.isEqualTo("Preview for Priya");
	}

}
