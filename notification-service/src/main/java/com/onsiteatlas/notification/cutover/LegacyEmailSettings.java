package com.onsiteatlas.notification.cutover;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

/**
 * The parts of ONSITE ATLAS's {@code Event.emailSettings} the cutover reads, from the
 * object exactly as ONSITE ATLAS stores it: {@code enabled}, {@code automaticEmails} and
 * {@code templates.<key>{subject, body}}. The SMTP fields (the password is stored in
 * plain text there) are ignored: the channel settings are set in
 * {@code notification-config}.
 *
 * @param enabled {@code emailSettings.enabled}: ONSITE ATLAS sends nothing automatic when
 * false
 * @param automaticEmails the switches given, in the order given
 * @param templates the stored templates by key, in the order given
 */
record LegacyEmailSettings(boolean enabled, Map<AutomaticEmail, Boolean> automaticEmails,
		Map<String, LegacyTemplate> templates) {

	/** The fields of {@code Event.emailSettings} (contract section 4.1). */
	private static final java.util.Set<String> FIELDS = java.util.Set.of("_id", "enabled", "senderName", "senderEmail",
			"replyToEmail", "smtpHost", "smtpPort", "smtpUser", "smtpPassword", "smtpSecure", "certificateTemplate",
			"scientificBrochure", "automaticEmails", "templates");

	/** The limits of a template saved through the API ({@code TemplateRequest}). */
	private static final int MAX_SUBJECT = 998;

	private static final int MAX_BODY = 500_000;

	private static final int MAX_TEMPLATES = 50;

	/** The default of {@code automaticEmails.registrationConfirmation} in Event.js. */
	private static final boolean REGISTRATION_CONFIRMATION_DEFAULT = true;

	/**
	 * Reads the object, or answers a 400 naming every field that is not what ONSITE ATLAS
	 * stores (not an object, an unknown switch, a switch that is not a boolean, a
	 * template without a text subject and body).
	 * @param body the request body
	 * @return the settings
	 */
	static LegacyEmailSettings parse(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("The body must be the ONSITE ATLAS Event's emailSettings object, "
					+ "{enabled, automaticEmails{...}, templates{<key>: {subject, body}}}, not "
					+ ((body == null || body.isMissingNode()) ? "nothing" : body.getNodeType().name().toLowerCase()));
		}
		List<ApiError.FieldError> errors = new ArrayList<>();
		body.fieldNames().forEachRemaining((name) -> {
			if (!FIELDS.contains(name)) {
				errors.add(new ApiError.FieldError(name, "is not a field of ONSITE ATLAS's emailSettings"));
			}
		});
		boolean enabled = true;
		JsonNode enabledNode = body.get("enabled");
		if (enabledNode != null && !enabledNode.isNull()) {
			if (enabledNode.isBoolean()) {
				enabled = enabledNode.booleanValue();
			}
			else {
				errors.add(new ApiError.FieldError("enabled", "must be true or false"));
			}
		}
		Map<AutomaticEmail, Boolean> switches = switches(body.get("automaticEmails"), errors);
		Map<String, LegacyTemplate> templates = templates(body.get("templates"), errors);
		if (!errors.isEmpty()) {
			throw ApiException.badRequest("The emailSettings object is not what ONSITE ATLAS stores: "
					+ errors.get(0).field() + " " + errors.get(0).message(), errors);
		}
		return new LegacyEmailSettings(enabled, switches, templates);
	}

	private static Map<AutomaticEmail, Boolean> switches(JsonNode node, List<ApiError.FieldError> errors) {
		Map<AutomaticEmail, Boolean> switches = new LinkedHashMap<>();
		switches.put(AutomaticEmail.REGISTRATION_CONFIRMATION, REGISTRATION_CONFIRMATION_DEFAULT);
		if (node == null || node.isNull()) {
			return switches;
		}
		if (!node.isObject()) {
			errors.add(new ApiError.FieldError("automaticEmails", "must be an object of switches"));
			return switches;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String path = "automaticEmails." + field.getKey();
			AutomaticEmail email = AutomaticEmail.of(field.getKey()).orElse(null);
			if (email == null) {
				errors.add(new ApiError.FieldError(path,
						"is not an ONSITE ATLAS automatic e-mail; known: " + AutomaticEmail.keys()));
			}
			else if (field.getValue().isBoolean()) {
				switches.put(email, field.getValue().booleanValue());
			}
			else if (!field.getValue().isNull()) {
				errors.add(new ApiError.FieldError(path, "must be true or false"));
			}
		}
		return switches;
	}

	private static Map<String, LegacyTemplate> templates(JsonNode node, List<ApiError.FieldError> errors) {
		Map<String, LegacyTemplate> templates = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return templates;
		}
		if (!node.isObject()) {
			errors.add(new ApiError.FieldError("templates", "must be an object of {subject, body} by template key"));
			return templates;
		}
		if (node.size() > MAX_TEMPLATES) {
			errors.add(new ApiError.FieldError("templates", "has more than " + MAX_TEMPLATES + " templates"));
			return templates;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String path = "templates." + field.getKey();
			JsonNode template = field.getValue();
			if (!field.getKey().matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
				errors.add(new ApiError.FieldError("templates",
						"has a key that is no template name (letters, digits, _ and -, at most 64)"));
				continue;
			}
			if (template.isNull()) {
				continue;
			}
			if (!template.isObject()) {
				errors.add(new ApiError.FieldError(path, "must be an object {subject, body}"));
				continue;
			}
			template.fieldNames().forEachRemaining((name) -> {
				if (!"subject".equals(name) && !"body".equals(name) && !"_id".equals(name)) {
					errors.add(new ApiError.FieldError(path + "." + name, "is not a template field (subject, body)"));
				}
			});
			String subject = text(template.get("subject"), path + ".subject", MAX_SUBJECT, errors);
			String body = text(template.get("body"), path + ".body", MAX_BODY, errors);
			if (body != null && !body.isBlank()) {
				if ((subject == null && !template.hasNonNull("subject")) || (subject != null && subject.isBlank())) {
					errors.add(new ApiError.FieldError(path + ".subject", "is required for a template with a body"));
				}
				else if (LegacyPlaceholders.unclosedBraces(subject)) {
					errors.add(new ApiError.FieldError(path + ".subject",
							"has a '{{' that is no placeholder and is not closed by '}}'; remove it in ONSITE ATLAS"));
				}
				templates.put(field.getKey(), new LegacyTemplate(subject, body));
			}
		}
		return templates;
	}

	private static String text(JsonNode node, String path, int max, List<ApiError.FieldError> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isTextual()) {
			errors.add(new ApiError.FieldError(path, "must be text"));
			return null;
		}
		if (node.textValue().length() > max) {
			errors.add(new ApiError.FieldError(path, "is longer than " + max + " characters"));
			return null;
		}
		return node.textValue();
	}

	/**
	 * Whether ONSITE ATLAS sends a switch's e-mail today.
	 * @param email the switch
	 * @return true when e-mail is enabled and the switch is on
	 */
	boolean sends(AutomaticEmail email) {
		return this.enabled && Boolean.TRUE.equals(this.automaticEmails.get(email));
	}

	/**
	 * A stored ONSITE ATLAS template.
	 *
	 * @param subject the subject, may be null
	 * @param body the HTML body
	 */
	record LegacyTemplate(String subject, String body) {
	}

}
