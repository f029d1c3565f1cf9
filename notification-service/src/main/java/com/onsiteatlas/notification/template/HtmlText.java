package com.onsiteatlas.notification.template;

import java.util.regex.Pattern;

/**
 * Derives the text alternative of an HTML e-mail when the template has none (as ONSITE
 * ATLAS did with html-to-text).
 */
final class HtmlText {

	private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</h[1-6]>|</li>|</tr>");

	private static final Pattern BLOCKS = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");

	private static final Pattern LINKS = Pattern.compile("(?i)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>");

	private static final Pattern TAGS = Pattern.compile("<[^>]+>");

	private HtmlText() {
	}

	static String toText(String html) {
		if (html == null) {
			return null;
		}
		String text = BLOCKS.matcher(html).replaceAll("");
		text = LINKS.matcher(text).replaceAll("$2 ($1)");
		text = BREAKS.matcher(text).replaceAll("\n");
		text = TAGS.matcher(text).replaceAll("");
		text = text.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#x27;", "'")
			.replace("&#39;", "'")
			.replace("&#x60;", "`")
			.replace("&#x3D;", "=")
			.replace("&amp;", "&");
		return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
