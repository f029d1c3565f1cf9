package com.onsiteatlas.notification.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * One message to one recipient over one channel (Notification in docs/notification.md),
 * with its delivery attempts.
 *
 * @param id notification id
 * @param event the conference
 * @param registration the registration {@code _id}, if any
 * @param registrationId the human registration id
 * @param trigger the trigger that caused it, if any
 * @param template the template used
 * @param channel email, sms or whatsapp
 * @param recipient where it goes
 * @param content what it says
 * @param status pending, sent, failed, skipped (opted out, no address, channel off) or
 * cancelled; stored and shown as these lower-case values
 * @param errorMessage why it failed or was skipped
 * @param errorCode machine-readable reason
 * @param sentAt when the provider accepted it
 * @param createdAt when it was recorded
 * @param updatedAt last change
 * @param dedupKey (domain event or occurrence, trigger, recipient, channel): unique
 * @param source event, scheduled, manual, send, test or resend
 * @param attemptCount attempts so far
 * @param attempts each attempt
 * @param nextAttemptAt when it is due
 * @param leaseOwner dispatcher holding it
 * @param leaseUntil until when
 * @param providerMessageId provider's id (Message-ID, Twilio SID, WhatsApp id)
 * @param deliveryStatus provider-reported status: delivered, undelivered, read, ...
 * @param deliveryUpdatedAt when the provider reported it
 * @param testMode whether it was diverted to the test recipients
 * @param originalRecipient the real recipient when diverted
 * @param transactional transactional (no unsubscribe) or not
 * @param qrPayload payload of the inline QR code
 * @param outbox notification-sent/-failed waiting for the relay
 */
@Document(Notification.COLLECTION)
@CompoundIndexes({ @CompoundIndex(name = "event_created", def = "{'event': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "event_registration", def = "{'event': 1, 'registration': 1}") })
public record Notification(@Id @JsonProperty("_id") String id, String event, String registration, String registrationId,
		String trigger, String template, String channel, Recipient recipient, Content content,
		NotificationStatus status, String errorMessage, String errorCode, Instant sentAt, Instant createdAt,
		Instant updatedAt, @Indexed(unique = true) String dedupKey, String source, int attemptCount,
		List<Attempt> attempts, Instant nextAttemptAt, @JsonIgnore String leaseOwner, @JsonIgnore Instant leaseUntil,
		String providerMessageId, String deliveryStatus, Instant deliveryUpdatedAt, boolean testMode,
		Recipient originalRecipient, boolean transactional, @JsonIgnore String qrPayload,
		@JsonIgnore List<OutboxMessage> outbox) {

	static final String COLLECTION = "notifications";

	public Notification {
		attempts = (attempts != null) ? List.copyOf(attempts) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	/**
	 * The recipient.
	 *
	 * @param name name
	 * @param email e-mail
	 * @param phone phone
	 */
	public record Recipient(String name, String email, String phone) {
	}

	/**
	 * The rendered content.
	 *
	 * @param subject subject
	 * @param body text body
	 * @param html HTML body
	 * @param whatsappTemplate approved WhatsApp template, if any
	 */
	public record Content(String subject, String body, String html, WhatsAppTemplate whatsappTemplate) {
	}

	/**
	 * A WhatsApp template with rendered parameters.
	 *
	 * @param name name
	 * @param language language
	 * @param parameters parameters
	 */
	public record WhatsAppTemplate(String name, String language, List<String> parameters) {
	}

	/**
	 * One delivery attempt.
	 *
	 * @param number 1, 2, ...
	 * @param at when it started
	 * @param outcome sent, retry or failed
	 * @param errorCode reason code
	 * @param errorMessage reason
	 * @param providerMessageId provider id on success
	 * @param durationMs how long the provider call took
	 */
	public record Attempt(int number, Instant at, String outcome, String errorCode, String errorMessage,
			String providerMessageId, long durationMs) {
	}

}
