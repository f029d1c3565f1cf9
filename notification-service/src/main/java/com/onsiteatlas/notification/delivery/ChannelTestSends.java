package com.onsiteatlas.notification.delivery;

import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.template.NotificationTemplate;

/**
 * Test messages typed by an organiser on the existing ONSITE ATLAS client's WhatsApp and
 * SMS screens ({@code POST /api/whatsapp/test}, {@code POST /api/sms/test}): no stored
 * template, the text exactly as written (it is a value of the model, never template
 * source, so braces and the like are sent as typed), delivered through the real channel
 * and recorded in the delivery log like any test send.
 */
@Component
class ChannelTestSends {

	private final NotificationService notifications;

	ChannelTestSends(NotificationService notifications) {
		this.notifications = notifications;
	}

	/**
	 * Queues one test message.
	 * @param eventId the conference whose channel settings it uses
	 * @param channel sms or whatsapp
	 * @param phone the recipient's number (E.164, or national in the conference's
	 * country)
	 * @param text the message
	 * @return what was queued
	 */
	Mono<TestMessage> send(String eventId, String channel, String phone, String text) {
		NotificationTemplate message = NotificationTemplate.adHocText(eventId, "Test message", channel, TEXT);
		String batchId = "test:" + UUID.randomUUID();
		SendRequest send = new SendRequest(eventId, null, null, null, message, Map.of(TEXT, text),
				new Notification.Recipient("Test recipient", null, phone), batchId, "test");
		return this.notifications.enqueue(Flux.just(send))
			.map((result) -> new TestMessage(result.queued(), phone, batchId, text));
	}

	/** The model variable that carries the typed text. */
	private static final String TEXT = "testMessage";

	/**
	 * A queued test message.
	 *
	 * @param queued notifications queued (0 or 1)
	 * @param recipient the number it goes to
	 * @param batchId its batch, for {@code notifications/progress?batch=}
	 * @param message the text queued
	 */
	record TestMessage(int queued, String recipient, String batchId, String message) {
	}

}
