package com.onsiteatlas.notification.cutover;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.notification.template.TemplateEngine;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyPlaceholdersTests {

	private final TemplateEngine engine = new TemplateEngine();

	@Test
	void rendersAnHtmlBodyLikeOnsiteAtlasReplacedItsPlaceholders() {
		String legacy = "<p>Hi {{firstName}}, {{ spaced }} {{#if x}} {{a.b}} {{{{odd</p>[QR_CODE]";
		LegacyPlaceholders.Converted converted = LegacyPlaceholders.convert(legacy, Set.of("firstName", "eventName"),
				true);

		assertThat(this.engine.syntaxError(converted.text())).isNull();
		assertThat(this.engine.renderHtml(converted.text(), Map.of("firstName", "Priya", "x", true)))
			.isEqualTo("<p>Hi Priya, &#123;&#123; spaced }} &#123;&#123;#if x}} &#123;&#123;a.b}} "
					+ "&#123;&#123;&#123;&#123;odd</p>"
					+ "<img src=\"cid:qrcode\" alt=\"Registration QR code\" width=\"200\" height=\"200\"/>");
		assertThat(converted.variables()).containsExactly("firstName", "[QR_CODE]");
		assertThat(converted.unknown()).isEmpty();
	}

	@Test
	void escapesBracesOfASubjectThatAreNoPlaceholderAndRefusesUnclosedOnes() {
		LegacyPlaceholders.Converted converted = LegacyPlaceholders.convert("Save {{ the date }} for {{eventName}}",
				Set.of("eventName"), false);

		assertThat(this.engine.renderText(converted.text(), Map.of("eventName", "ICC 2025")))
			.isEqualTo("Save {{ the date }} for ICC 2025");
		assertThat(LegacyPlaceholders.unclosedBraces("Save {{ the date }} for {{eventName}}")).isFalse();
		assertThat(LegacyPlaceholders.unclosedBraces("Save {{ the date for {{eventName}}")).isTrue();
		assertThat(LegacyPlaceholders.unclosedBraces("Save {{ the date")).isTrue();
	}

	@Test
	void reportsPlaceholdersWithoutAnEquivalentForTheTemplatesUseAndKeepsThem() {
		LegacyPlaceholders.Converted converted = LegacyPlaceholders.convert("{{otp}} {{workshopTitle}} {{eventName}}",
				Set.of("eventName"), true);

		assertThat(converted.unknown()).containsExactly("otp", "workshopTitle");
		assertThat(converted.variables()).containsExactly("eventName");
		assertThat(converted.text()).isEqualTo("{{otp}} {{workshopTitle}} {{eventName}}");
	}

}
