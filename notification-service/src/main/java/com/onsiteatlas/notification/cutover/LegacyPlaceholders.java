package com.onsiteatlas.notification.cutover;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.onsiteatlas.notification.template.TemplateEngine;

/**
 * Turns an ONSITE ATLAS template into one of ours. ONSITE ATLAS replaces exactly a name
 * in double braces (no spaces, paths or helpers) and leaves every other brace as written;
 * here the names go through {@link #NAMES} (the table in docs/notification.md) and other
 * double braces stay text instead of becoming a Handlebars expression: written as the
 * character references {@code &#123;&#123;} in HTML, escaped with a backslash in a
 * subject (which Handlebars only accepts when a closing pair follows,
 * {@link #unclosedBraces}). {@code [QR_CODE]} is kept: our engine draws it as ONSITE
 * ATLAS does (inline PNG, {@code cid:qrcode}).
 */
final class LegacyPlaceholders {

	/**
	 * ONSITE ATLAS's placeholder names (contract section 5.2) and ours. A name missing
	 * here is reported as unknown.
	 */
	static final Map<String, String> NAMES = Map.ofEntries(Map.entry("firstName", "firstName"),
			Map.entry("lastName", "lastName"), Map.entry("participantName", "participantName"),
			Map.entry("email", "email"), Map.entry("phone", "phone"), Map.entry("registrationId", "registrationId"),
			Map.entry("categoryName", "categoryName"), Map.entry("eventName", "eventName"),
			Map.entry("eventDate", "eventDate"), Map.entry("eventVenue", "eventVenue"), Map.entry("venue", "venue"),
			Map.entry("amount", "amount"), Map.entry("currency", "currency"),
			Map.entry("transactionId", "transactionId"), Map.entry("paymentDate", "paymentDate"),
			Map.entry("workshopTitle", "workshopTitle"), Map.entry("workshopDate", "workshopDate"),
			Map.entry("workshopTime", "workshopTime"), Map.entry("workshopLocation", "workshopLocation"),
			Map.entry("abstractTitle", "abstractTitle"), Map.entry("abstractNumber", "abstractNumber"),
			Map.entry("reason", "reason"), Map.entry("revisionDeadline", "revisionDeadline"));

	private LegacyPlaceholders() {
	}

	/**
	 * Converts one template text.
	 * @param legacy the ONSITE ATLAS text, may be null
	 * @param known the variables the target template may use (for the report)
	 * @param html whether the text is HTML (a body) rather than plain text (a subject)
	 * @return the text for our engine, the variables it uses and the unknown ones
	 */
	static Converted convert(String legacy, Set<String> known, boolean html) {
		Set<String> used = new LinkedHashSet<>();
		Set<String> unknown = new LinkedHashSet<>();
		if (legacy == null) {
			return new Converted(null, used, unknown);
		}
		StringBuilder out = new StringBuilder(legacy.length() + 16);
		int i = 0;
		while (i < legacy.length()) {
			int open = legacy.indexOf("{{", i);
			if (open < 0) {
				out.append(legacy, i, legacy.length());
				break;
			}
			out.append(legacy, i, open);
			int close = legacy.indexOf("}}", open + 2);
			String name = (close > 0) ? legacy.substring(open + 2, close) : null;
			if (name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*")
					&& (open == 0 || legacy.charAt(open - 1) != '{')) {
				String ours = NAMES.get(name);
				if (ours != null && known.contains(ours)) {
					used.add(ours);
					out.append("{{").append(ours).append("}}");
				}
				else {
					// Kept under its own name (empty when sent) and reported, never
					// dropped.
					unknown.add(name);
					out.append("{{").append(name).append("}}");
				}
				i = close + 2;
			}
			else {
				out.append(html ? "&#123;&#123;" : "\\{{");
				i = open + 2;
			}
		}
		if (legacy.contains(TemplateEngine.QR_TOKEN)) {
			used.add(TemplateEngine.QR_TOKEN);
		}
		return new Converted(out.toString(), used, unknown);
	}

	/**
	 * Whether a plain text has two opening braces that are no placeholder and that no
	 * closing pair follows before the next opening pair: Handlebars cannot escape them.
	 * @param legacy the text, may be null
	 * @return true when such braces are there
	 */
	static boolean unclosedBraces(String legacy) {
		if (legacy == null) {
			return false;
		}
		int open = legacy.indexOf("{{");
		while (open >= 0) {
			int close = legacy.indexOf("}}", open + 2);
			int next = legacy.indexOf("{{", open + 2);
			if (close < 0 || (next >= 0 && next < close)) {
				return true;
			}
			open = legacy.indexOf("{{", close + 2);
		}
		return false;
	}

	/**
	 * A converted text.
	 *
	 * @param text the text for our engine
	 * @param variables our variables it uses ({@code [QR_CODE]} included)
	 * @param unknown ONSITE ATLAS names without an equivalent for the template's use
	 */
	record Converted(String text, Set<String> variables, Set<String> unknown) {
	}

}
