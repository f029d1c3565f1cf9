package com.onsiteatlas.notification.template;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;

import org.springframework.stereotype.Component;

/**
 * Renders templates with Handlebars, configured so that templates are data: values are
 * resolved from maps only (no JavaBean getters, no method calls), partials and the
 * helpers that read files or resource bundles are disabled ({@link TemplateHelpers}),
 * HTML e-mail escapes every value while text channels do not. Existing ONSITE ATLAS
 * templates ({@code {{firstName}}}, {@code [QR_CODE]}) render as before.
 */
@Component
public class TemplateEngine {

	/** The legacy token for the registration QR code. */
	public static final String QR_TOKEN = "[QR_CODE]";

	/** Content id of the inline QR image. */
	public static final String QR_CONTENT_ID = "qrcode";

	static final String ZONE_KEY = "atlasZone";

	static final String LOCALE_KEY = "atlasLocale";

	private final Handlebars html;

	private final Handlebars text;

	private final Map<String, Template> compiled = new ConcurrentHashMap<>();

	/** {@code {{> name}}}, {@code {{#> layout}}} and their whitespace-control forms. */
	private static final Pattern PARTIAL = Pattern.compile("\\{\\{~?\\s*#?\\s*>");

	public TemplateEngine() {
		this.html = TemplateHelpers.register(new Handlebars(new NoTemplates()).with(EscapingStrategy.HTML_ENTITY));
		this.text = TemplateHelpers.register(new Handlebars(new NoTemplates()).with(EscapingStrategy.NOOP));
	}

	/**
	 * Renders text with HTML escaping of every value.
	 * @param source the template
	 * @param model the variables
	 * @return the HTML
	 */
	public String renderHtml(String source, Map<String, Object> model) {
		if (source == null || source.isEmpty()) {
			return source;
		}
		String rendered = apply(this.html, "h:", source, model);
		return rendered.replace(QR_TOKEN,
				"<img src=\"cid:" + QR_CONTENT_ID + "\" alt=\"Registration QR code\" width=\"200\" height=\"200\"/>");
	}

	/**
	 * Renders text without escaping (SMS, WhatsApp, subjects, e-mail text parts).
	 * @param source the template
	 * @param model the variables
	 * @return the text
	 */
	public String renderText(String source, Map<String, Object> model) {
		if (source == null || source.isEmpty()) {
			return source;
		}
		return apply(this.text, "t:", source, model).replace(QR_TOKEN, "").strip();
	}

	/**
	 * Checks that a template compiles.
	 * @param source the template
	 * @return null when valid, otherwise the reason
	 */
	public String syntaxError(String source) {
		if (source == null) {
			return null;
		}
		try {
			Template template = compile(this.text, "t:", source);
			// Partials and the refused helpers only fail when rendered; refusing them
			// here keeps a template that could never be sent from being saved.
			if (PARTIAL.matcher(source).find()) {
				return "Partials ({{> name}}) are not available in templates";
			}
			for (String name : template.collect(TagType.values())) {
				if (TemplateHelpers.FORBIDDEN.contains(name)) {
					return "The helper '" + name + "' is not available in templates";
				}
			}
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * The variable names a template refers to, top-level segment of dotted paths
	 * included.
	 * @param source the template
	 * @return names in order of appearance
	 */
	public Set<String> variables(String source) {
		Set<String> names = new LinkedHashSet<>();
		if (source == null || source.isEmpty()) {
			return names;
		}
		Template template = compile(this.text, "t:", source);
		for (String name : template.collect(TagType.VAR, TagType.TRIPLE_VAR)) {
			if (!isHelper(name)) {
				names.add(name);
			}
		}
		template.collectReferenceParameters()
			.stream()
			.filter((name) -> !name.startsWith("@") && !name.equals("this") && !name.startsWith("this."))
			.forEach(names::add);
		if (source.contains(QR_TOKEN)) {
			names.add(QR_TOKEN);
		}
		return names;
	}

	private boolean isHelper(String name) {
		return this.text.helper(name) != null;
	}

	private String apply(Handlebars handlebars, String cacheKey, String source, Map<String, Object> model) {
		Template template;
		try {
			template = compile(handlebars, cacheKey, source);
		}
		catch (IllegalArgumentException ex) {
			throw new TemplateRenderingException(ex.getMessage(), ex);
		}
		Context context = Context.newBuilder(model).resolver(MapValueResolver.INSTANCE).build();
		try {
			return template.apply(context);
		}
		catch (IOException | HandlebarsException ex) {
			throw new TemplateRenderingException(message(ex), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new TemplateRenderingException(ex.getMessage(), ex);
		}
		finally {
			context.destroy();
		}
	}

	private Template compile(Handlebars handlebars, String cacheKey, String source) {
		String key = cacheKey + source;
		Template cached = this.compiled.get(key);
		if (cached != null) {
			return cached;
		}
		try {
			Template template = handlebars.compileInline(source);
			if (this.compiled.size() < 5_000) {
				this.compiled.put(key, template);
			}
			return template;
		}
		catch (IOException | HandlebarsException ex) {
			throw new IllegalArgumentException(message(ex), ex);
		}
	}

	private static String message(Exception ex) {
		String message = (ex instanceof HandlebarsException handlebars && handlebars.getError() != null)
				? handlebars.getError().reason : ex.getMessage();
		return "Template error: " + message;
	}

	/** Refuses every partial: templates cannot read files or classpath resources. */
	private static final class NoTemplates extends AbstractTemplateLoader {

		@Override
		public TemplateSource sourceAt(String location) throws IOException {
			throw new FileNotFoundException("Partials are not available in templates: " + location);
		}

	}

}
