package com.onsiteatlas.notification.template;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateEngineTests {

	private final TemplateEngine engine = new TemplateEngine();

	@Test
	void rendersExistingOnsiteAtlasTemplatesUnchanged() {
		String html = this.engine.renderHtml(
				"<p>Dear {{firstName}}, welcome to {{eventName}} ({{registrationId}})</p>[QR_CODE]",
				Map.of("firstName", "Priya", "eventName", "ICC 2025", "registrationId", "REG-0001"));
		assertThat(html).startsWith("<p>Dear Priya, welcome to ICC 2025 (REG-0001)</p>")
			.contains("<img src=\"cid:qrcode\"");
	}

	@Test
	void escapesValuesInHtmlButNotInText() {
		Map<String, Object> model = Map.of("firstName", "<script>alert(1)</script>");
		assertThat(this.engine.renderHtml("<p>Hi {{firstName}}</p>", model))
			.isEqualTo("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
		assertThat(this.engine.renderText("Hi {{firstName}}", model)).isEqualTo("Hi <script>alert(1)</script>");
	}

	@Test
	void supportsConditionalsAndLoops() {
		String text = this.engine.renderText("{{#if paid}}Paid{{else}}Due{{/if}}:{{#each items}} {{this}}{{/each}}",
				Map.of("paid", false, "items", List.of("a", "b")));
		assertThat(text).isEqualTo("Due: a b");
	}

	@Test
	void formatsDatesAndMoneyInTheConferenceZoneAndLocale() {
		Map<String, Object> model = Map.of("start", "2025-11-13T20:00:00Z", "amountCents", 1250000,
				TemplateEngine.ZONE_KEY, "Asia/Kolkata", TemplateEngine.LOCALE_KEY, "en-IN");
		assertThat(this.engine.renderText("{{formatDate start \"d MMM yyyy HH:mm\"}}", model))
			.isEqualTo("14 Nov 2025 01:30");
		assertThat(this.engine.renderText("{{money amountCents \"INR\"}}", model)).isEqualTo("₹12,500.00");
	}

	@Test
	void treatsTemplatesAsDataWithoutMethodsOrFiles() {
		Map<String, Object> model = Map.of("firstName", "Priya");
		assertThat(this.engine.renderText("[{{firstName.class}}][{{firstName.bytes}}][{{firstName.length}}]", model))
			.isEqualTo("[][][]");
		assertThatThrownBy(() -> this.engine.renderText("{{> /etc/passwd}}", model))
			.isInstanceOf(TemplateRenderingException.class);
		assertThatThrownBy(() -> this.engine.renderText("{{i18n \"x\"}}", model))
			.isInstanceOf(TemplateRenderingException.class);
	}

	@Test
	void reportsTheVariablesATemplateUses() {
		assertThat(
				this.engine.variables("{{firstName}} {{#if paid}}{{amount}}{{/if}} {{registration.status}} [QR_CODE]"))
			.contains("firstName", "amount", "paid", "registration.status", "[QR_CODE]");
		assertThat(this.engine.syntaxError("{{#if x}}unclosed")).isNotNull();
		assertThat(this.engine.syntaxError("{{firstName}}")).isNull();
		assertThat(this.engine.syntaxError("Hi {{> header}}")).contains("Partials");
		assertThat(this.engine.syntaxError("{{#> layout}}x{{/layout}}")).contains("Partials");
		assertThat(this.engine.syntaxError("{{~> header}}")).contains("Partials");
		assertThat(this.engine.syntaxError("{{embedded \"x\"}}")).contains("'embedded'");
		assertThat(this.engine.syntaxError("{{i18n \"hello\"}}")).contains("'i18n'");
		assertThat(this.engine.syntaxError("{{#partial \"x\"}}y{{/partial}}")).contains("'partial'");
		assertThat(this.engine.syntaxError("{{precompile \"x\"}}")).contains("'precompile'");
		assertThat(this.engine.syntaxError("{{#if x}}a > b{{/if}} {{upper firstName}}")).isNull();
	}

	@Test
	void derivesTheTextPartFromHtml() {
		assertThat(HtmlText.toText("<p>Hello <b>Priya</b></p><p>See <a href=\"https://x.test\">here</a></p>"))
			.isEqualTo("Hello Priya\nSee here (https://x.test)");
	}

}
