package com.onsiteatlas.notification.channel;

import java.util.List;

/**
 * One message to one recipient, already rendered.
 *
 * @param notificationId the notification it delivers (used for the Message-ID and
 * provider callbacks)
 * @param toName recipient name
 * @param to e-mail address or E.164 phone number
 * @param subject e-mail subject
 * @param html e-mail HTML
 * @param text text body
 * @param qrPayload payload of the inline QR image ({@code cid:qrcode}), or null
 * @param unsubscribeUrl one-click unsubscribe URL for non-transactional e-mail, or null
 * @param whatsappTemplate approved WhatsApp template to use, or null
 * @param whatsappWindowOpen whether the recipient wrote within 24 hours (free text
 * allowed)
 * @param statusCallbackUrl where the provider reports delivery status, or null
 */
public record OutgoingMessage(String notificationId, String toName, String to, String subject, String html, String text,
		String qrPayload, String unsubscribeUrl, WhatsAppTemplate whatsappTemplate, boolean whatsappWindowOpen,
		String statusCallbackUrl) {

	/**
	 * A WhatsApp template message.
	 *
	 * @param name approved template name
	 * @param language language code
	 * @param parameters body parameters
	 */
	public record WhatsAppTemplate(String name, String language, List<String> parameters) {
	}

}
