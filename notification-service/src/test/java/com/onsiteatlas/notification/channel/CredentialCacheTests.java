package com.onsiteatlas.notification.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.mail.MailProperties;

import com.onsiteatlas.notification.config.NotificationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP and Twilio caches (issue 15, item 9): keyed by a digest of the whole
 * credential, bounded, least recently used out first.
 */
class CredentialCacheTests {

	@Test
	void keysAreADigestOfTheWholeCredentialNotItsHashCode() {
		// "Aa" and "BB" share a String.hashCode(): the old keys of both were equal.
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		ChannelSettings.SmtpServer first = new ChannelSettings.SmtpServer("smtp.example.org", 587, false, true, "u",
				"Aa");
		ChannelSettings.SmtpServer second = new ChannelSettings.SmtpServer("smtp.example.org", 587, false, true, "u",
				"BB");
		assertThat(first.key()).isNotEqualTo(second.key()).matches("[0-9a-f]{64}").doesNotContain("Aa");
		assertThat(first.key())
			.isEqualTo(new ChannelSettings.SmtpServer("smtp.example.org", 587, false, true, "u", "Aa").key());
		assertThat(new ChannelSettings.TwilioAccount("AC1", "Aa", null, null).key())
			.isNotEqualTo(new ChannelSettings.TwilioAccount("AC1", "BB", null, null).key());
		// Parts are delimited by their length: moving a character across a boundary or
		// a null into an empty text gives another key.
		assertThat(CredentialCache.key("ab", "c")).isNotEqualTo(CredentialCache.key("a", "bc"));
		assertThat(CredentialCache.key("a", null)).isNotEqualTo(CredentialCache.key("a", ""));
	}

	@Test
	void keepsAtMostItsCapacityAndClosesTheLeastRecentlyUsed() {
		List<String> closed = new ArrayList<>();
		CredentialCache<String> cache = new CredentialCache<>(2, closed::add);
		cache.get("a", () -> "A");
		cache.get("b", () -> "B");
		assertThat(cache.get("a", () -> "A2")).isEqualTo("A");
		cache.get("c", () -> "C");
		assertThat(cache.size()).isEqualTo(2);
		assertThat(closed).containsExactly("B");
		assertThat(cache.peek("b")).isNull();
		assertThat(cache.peek("a")).isEqualTo("A");
		for (int i = 0; i < 1000; i++) {
			String value = "v" + i;
			cache.get(CredentialCache.key("host", i), () -> value);
		}
		assertThat(cache.size()).isEqualTo(2);
		assertThat(closed).hasSize(1001);
		cache.clear();
		assertThat(cache.size()).isZero();
		assertThat(closed).hasSize(1003);
	}

	@Test
	void smtpConnectionsKeepABoundedNumberOfServers() {
		SmtpConnections connections = new SmtpConnections(new MailProperties(),
				new NotificationProperties.Email(true, 4, Duration.ofSeconds(5), "a@example.org", "A"));
		for (int i = 0; i < SmtpConnections.MAX_SERVERS + 50; i++) {
			connections.session(new ChannelSettings.SmtpServer("smtp.example.org", 587, false, true, "u", "pw-" + i));
		}
		assertThat(connections.size()).isEqualTo(SmtpConnections.MAX_SERVERS);
	}

}
