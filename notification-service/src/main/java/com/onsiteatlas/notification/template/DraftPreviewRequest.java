package com.onsiteatlas.notification.template;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of previewing a template that is not saved yet (the editor's live preview): the
 * template's content, with the same limits as {@link TemplateRequest}, and the data of
 * {@link PreviewRequest}.
 *
 * @param type email, whatsapp or sms
 * @param subject e-mail subject
 * @param contentHtml e-mail HTML
 * @param contentText text body
 * @param variables required variables
 * @param whatsapp approved WhatsApp template
 * @param eventType whose sample variables to use
 * @param registrationId a registration {@code _id} or human id ({@code REG-0001})
 * @param data explicit variable values
 */
record DraftPreviewRequest(
		@NotBlank(message = "is required") @Pattern(regexp = "email|whatsapp|sms",
				message = "must be one of email, whatsapp, sms") String type,
		@Size(max = 998) String subject, @Size(max = 500_000) String contentHtml,
		@Size(max = 100_000) String contentText, List<@NotBlank @Size(max = 100) String> variables,
		@Valid TemplateRequest.WhatsAppRequest whatsapp, @Size(max = 64) String eventType,
		@Size(max = 64) String registrationId, Map<String, Object> data) {

	PreviewRequest previewRequest() {
		return new PreviewRequest(this.eventType, this.registrationId, this.data);
	}

}
