package com.onsiteatlas.notification.template;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of creating or replacing a template; on update absent fields keep their value.
 *
 * @param name name
 * @param description description
 * @param type email, whatsapp or sms
 * @param subject e-mail subject
 * @param contentHtml e-mail HTML
 * @param contentText text body
 * @param variables required variables
 * @param isActive active flag
 * @param transactional transactional flag (default true)
 * @param whatsapp approved WhatsApp template
 */
record TemplateRequest(@Size(max = 200) String name, @Size(max = 2000) String description,
		@Pattern(regexp = "email|whatsapp|sms", message = "must be one of email, whatsapp, sms") String type,
		@Size(max = 998) String subject, @Size(max = 500_000) String contentHtml,
		@Size(max = 100_000) String contentText, List<@NotBlank @Size(max = 100) String> variables, Boolean isActive,
		Boolean transactional, @Valid WhatsAppRequest whatsapp) {

	/**
	 * An approved WhatsApp template reference.
	 *
	 * @param name template name
	 * @param language language code
	 * @param parameters body parameters
	 */
	record WhatsAppRequest(@NotBlank @Size(max = 512) String name, @Size(max = 15) String language,
			@Size(max = 20) List<@Size(max = 1000) String> parameters) {
	}

}
