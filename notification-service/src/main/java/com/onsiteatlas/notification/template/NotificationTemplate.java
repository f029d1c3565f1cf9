package com.onsiteatlas.notification.template;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message template of one channel (NotificationTemplate in docs/notification.md).
 *
 * @param id template id
 * @param event the conference
 * @param name name
 * @param description description
 * @param type channel: email, whatsapp or sms
 * @param subject e-mail subject (a template)
 * @param contentHtml e-mail HTML body (a template; {@code [QR_CODE]} becomes the inline
 * QR image)
 * @param contentText the plain-text body (SMS, WhatsApp free text, e-mail text part)
 * @param variables variables the template must use (checked by preview)
 * @param isActive whether triggers may use it
 * @param transactional whether it is a transactional message (no unsubscribe) rather than
 * a marketing one
 * @param whatsapp approved WhatsApp template to use outside the 24-hour window
 * @param createdBy user who created it
 * @param createdAt when
 * @param updatedAt when last changed
 */
@Document(NotificationTemplate.COLLECTION)
public record NotificationTemplate(@Id @JsonProperty("_id") String id, @Indexed String event, String name,
		String description, String type, String subject, String contentHtml, String contentText, List<String> variables,
		boolean isActive, boolean transactional, WhatsAppTemplate whatsapp, String createdBy, Instant createdAt,
		Instant updatedAt) {

	static final String COLLECTION = "notification_templates";

	public NotificationTemplate {
		variables = (variables != null) ? List.copyOf(variables) : List.of();
	}

	/**
	 * A text message that is not stored: an active, transactional template of one channel
	 * whose text is one model variable, so the typed text is sent exactly as written (it
	 * is a value, never template source) through the normal send pipeline.
	 * @param event the conference whose channel settings send it
	 * @param name what the delivery log calls it
	 * @param channel sms or whatsapp
	 * @param variable the model variable that carries the text
	 * @return the template
	 */
	public static NotificationTemplate adHocText(String event, String name, String channel, String variable) {
		return new NotificationTemplate(null, event, name, null, channel, null, null, "{{" + variable + "}}",
				List.of(variable), true, true, null, null, null, null);
	}

	/**
	 * A template message approved by Meta, for business-initiated WhatsApp sends.
	 *
	 * @param name approved template name
	 * @param language language code, e.g. {@code en}
	 * @param parameters body parameters in order, each a template such as
	 * {@code {{firstName}}}
	 */
	public record WhatsAppTemplate(String name, String language, List<String> parameters) {

		public WhatsAppTemplate {
			parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
		}

	}

}
