package com.onsiteatlas.notification.template;

import java.util.List;

/**
 * A template rendered for one recipient.
 *
 * @param channel email, sms or whatsapp
 * @param subject e-mail subject
 * @param html e-mail HTML, values escaped
 * @param text text body (SMS, WhatsApp, e-mail text part)
 * @param qrCode whether the HTML shows the inline QR image
 * @param whatsappTemplate the approved WhatsApp template with rendered parameters, if any
 * @param transactional whether it is transactional (no unsubscribe)
 */
public record RenderedMessage(String channel, String subject, String html, String text, boolean qrCode,
		WhatsAppMessage whatsappTemplate, boolean transactional) {

	/**
	 * An approved WhatsApp template message.
	 *
	 * @param name template name
	 * @param language language code
	 * @param parameters rendered body parameters
	 */
	public record WhatsAppMessage(String name, String language, List<String> parameters) {
	}

}
