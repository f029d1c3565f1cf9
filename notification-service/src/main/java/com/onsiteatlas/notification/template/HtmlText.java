package com.onsiteatlas.notification.template;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the text alternative of an HTML e-mail when the template has none (as ONSITE
 * ATLAS did with html-to-text). jsoup parses the HTML, so every named and numeric
 * character reference is decoded ({@code &rsquo;}, {@code &mdash;}, {@code &#8377;}), not
 * only the few a hand-written list knew.
 */
final class HtmlText {

	/** Elements whose end starts a new line. */
	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr");

	/** Table cells, kept apart by a space. */
	private static final Set<String> CELLS = Set.of("td", "th");

	private HtmlText() {
	}

	static String toText(String html) {
		if (html == null) {
			return null;
		}
		Element body = Jsoup.parse(html).body();
		body.select("script, style").remove();
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.text());
				}
				else if (node instanceof Element element && "br".equals(element.normalName())) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (!(node instanceof Element element)) {
					return;
				}
				String name = element.normalName();
				if ("a".equals(name) && !element.attr("href").isBlank()) {
					text.append(" (").append(element.attr("href")).append(')');
				}
				else if (BLOCKS.contains(name)) {
					text.append('\n');
				}
				else if (CELLS.contains(name)) {
					text.append(' ');
				}
			}

		}, body);
		return text.toString()
			.replace('\u00A0', ' ')
			.replaceAll("[ \\t]+", " ")
			.replaceAll(" ?\\n ?", "\n")
			.replaceAll("\\n{3,}", "\n\n")
			.strip();
	}

}
