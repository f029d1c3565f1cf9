package com.onsiteatlas.notification.template;

import java.util.List;

/**
 * What a template looks like with some data, and what is wrong with it.
 *
 * @param channel the template's channel
 * @param subject rendered subject
 * @param html rendered HTML
 * @param text rendered text
 * @param variablesUsed variables the template refers to
 * @param unknownVariables variables no trigger provides
 * @param missingRequired required variables (the template's {@code variables}) it does
 * not use
 * @param emptyVariables variables it uses that have no value in this data
 * @param sms SMS length, for SMS and WhatsApp text
 * @param whatsapp WhatsApp template parameters
 * @param dataSource {@code sample} or {@code registration}
 */
public record TemplatePreview(String channel, String subject, String html, String text, List<String> variablesUsed,
		List<String> unknownVariables, List<String> missingRequired, List<String> emptyVariables, MessageLength sms,
		WhatsAppParameters whatsapp, String dataSource) {

	/**
	 * The WhatsApp template's parameters.
	 *
	 * @param templateName approved template name
	 * @param parameterCount number of body parameters
	 * @param parameters rendered values
	 */
	public record WhatsAppParameters(String templateName, int parameterCount, List<String> parameters) {
	}

}
