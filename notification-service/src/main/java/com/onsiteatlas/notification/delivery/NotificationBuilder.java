package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.channel.QrCodes;
import com.onsiteatlas.notification.settings.NotificationConfig;
import com.onsiteatlas.notification.template.RenderedMessage;
import com.onsiteatlas.notification.template.TemplateRenderingException;
import com.onsiteatlas.notification.template.TemplateService;

/**
 * Decides what a send becomes before it is recorded: its recipient (the test recipients
 * in test mode, phone numbers in E.164), whether it can be sent at all (no address,
 * channel off: skipped; a template error: failed) and its rendered content.
 */
@Component
class NotificationBuilder {

	private final TemplateService templates;

	private final Clock clock;

	NotificationBuilder(TemplateService templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * The notification to record for a send.
	 * @param given the send
	 * @param config the event's notification configuration
	 * @param region the conference's country, for national phone numbers
	 * @return a pending, skipped or failed notification
	 */
	Notification build(SendRequest given, NotificationConfig config, String region) {
		SendRequest request = given.withRecipient(PhoneNumbers.normalise(given.recipient(), region));
		Instant now = this.clock.instant();
		String channel = request.channel();
		Notification.Recipient recipient = request.recipient();
		Notification.Recipient original = null;
		boolean testMode = config.testMode() && !"test".equals(request.source());
		NotificationStatus status = NotificationStatus.PENDING;
		String error = null;
		String code = null;
		if (testMode) {
			original = recipient;
			NotificationConfig.TestRecipients test = config.testRecipients();
			recipient = new Notification.Recipient(recipient.name(), (test != null) ? test.email() : null,
					(test != null) ? PhoneNumbers.normalise(test.phone(), region) : null);
		}
		String address = "email".equals(channel) ? recipient.email() : recipient.phone();
		if (address == null || address.isBlank()) {
			status = NotificationStatus.SKIPPED;
			code = "NO_ADDRESS";
			error = "The recipient has no " + ("email".equals(channel) ? "e-mail address" : "phone number")
					+ (testMode ? " among the test recipients" : "");
		}
		else if (!channelEnabled(config, channel) && !"test".equals(request.source())) {
			status = NotificationStatus.SKIPPED;
			code = "CHANNEL_DISABLED";
			error = "The " + channel + " channel is disabled for this event";
		}
		Notification.Content content = null;
		String qrPayload = null;
		boolean transactional = request.template().transactional();
		if (status == NotificationStatus.PENDING) {
			try {
				RenderedMessage rendered = this.templates.render(request.template(), request.model());
				Notification.WhatsAppTemplate whatsapp = (rendered.whatsappTemplate() != null)
						? new Notification.WhatsAppTemplate(rendered.whatsappTemplate().name(),
								rendered.whatsappTemplate().language(), rendered.whatsappTemplate().parameters())
						: null;
				content = new Notification.Content(rendered.subject(), rendered.text(), rendered.html(), whatsapp);
				if (rendered.qrCode()) {
					qrPayload = QrCodes.payload((request.registration() != null) ? request.registration() : "",
							request.eventId(), now.toEpochMilli());
				}
			}
			catch (TemplateRenderingException ex) {
				status = NotificationStatus.FAILED;
				code = "TEMPLATE";
				error = ex.getMessage();
			}
		}
		return new Notification(new ObjectId().toHexString(), request.eventId(), request.registration(),
				request.registrationId(), request.triggerId(), request.template().id(), channel, recipient, content,
				status, error, code, null, now, now, request.dedupKey(), request.source(), 0, List.of(), now, null,
				null, null, null, null, testMode, original, transactional, qrPayload, List.of());
	}

	private static boolean channelEnabled(NotificationConfig config, String channel) {
		return switch (channel) {
			case "email" -> config.email() == null || config.email().enabled();
			case "sms" -> config.sms() != null && config.sms().enabled();
			case "whatsapp" -> config.whatsapp() != null && config.whatsapp().enabled();
			default -> false;
		};
	}

}
