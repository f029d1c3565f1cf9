package com.onsiteatlas.notification.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTests {

	@Test
	void decodesEveryCharacterReferenceNotOnlyAFewNamedOnes() {
		// The regex it replaced decoded 8 entities, so these leaked into text parts.
		assertThat(HtmlText.toText("<p>It&rsquo;s on &mdash; fee &#8377;500&nbsp;only</p>"))
			.isEqualTo("It\u2019s on \u2014 fee \u20b9500 only");
		assertThat(HtmlText.toText("<p>A &amp; B &lt;tag&gt; &quot;q&quot; &#39;s&#x27;</p>"))
			.isEqualTo("A & B <tag> \"q\" 's'");
	}

	@Test
	void keepsLinesAndLinksAndDropsScriptsAndStyles() {
		assertThat(HtmlText.toText("<style>p{color:red}</style><h1>Welcome</h1><p>Line one<br>line two</p>"
				+ "<ul><li>First</li><li>Second</li></ul><script>track()</script>"
				+ "<p>Details: <a href='https://x.test/a?b=1&amp;c=2'>here</a></p>"))
			.isEqualTo("Welcome\nLine one\nline two\nFirst\nSecond\nDetails: here (https://x.test/a?b=1&c=2)");
	}

}
