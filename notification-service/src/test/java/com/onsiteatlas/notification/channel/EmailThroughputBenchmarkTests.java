package com.onsiteatlas.notification.channel;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.mail.MailProperties;

import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * Bulk e-mail throughput of the SMTP channel to a local SMTP server (GreenMail), with
 * pooled (reused) connections and with a new connection per message. Prints numbers; run
 * with {@code ./mvnw -pl notification-service test -Dbenchmarks}.
 */
@Tag("benchmark")
class EmailThroughputBenchmarkTests {

	static final int RECIPIENTS = Integer.getInteger("bench.recipients", 10_000);

	static final int CONCURRENCY = 4;

	@Test
	void bulkEmailThroughput() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		smtp.start();
		try {
			run(smtp, true, false, RECIPIENTS);
			run(smtp, false, false, RECIPIENTS);
			// GreenMail's multi-line EHLO reply stalls on Nagle + delayed ACK (~44 ms per
			// connection); a sample shows what that costs without connection reuse.
			run(smtp, false, true, Math.min(RECIPIENTS, 400));
			run(smtp, true, true, RECIPIENTS);
		}
		finally {
			smtp.stop();
		}
	}

	private static void run(GreenMail smtp, boolean reuse, boolean ehlo, int count) throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		MailProperties mail = new MailProperties();
		mail.setHost("127.0.0.1");
		mail.setPort(smtp.getSmtp().getPort());
		if (!ehlo) {
			mail.getProperties().put("mail.smtp.ehlo", "false");
		}
		NotificationProperties properties = new NotificationProperties("ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
				Duration.ofHours(24), "http://localhost:8080",
				new NotificationProperties.Email(reuse, CONCURRENCY, Duration.ofSeconds(20), "bench@example.org",
						"Bench"),
				new NotificationProperties.Twilio(null, Duration.ofSeconds(5)),
				new NotificationProperties.WhatsApp("http://localhost", Duration.ofSeconds(5)),
				new NotificationProperties.Dispatch(true, Duration.ofSeconds(1), Duration.ofMinutes(2), 8, 5,
						Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(24)),
				Map.of(), new NotificationProperties.Schedule(false, Duration.ofSeconds(30), Duration.ofHours(1)));
		EmailChannel channel = new EmailChannel(mail, properties);
		ChannelSettings settings = new ChannelSettings("bench", null, "Bench", "bench@example.org", null, null, null,
				null);
		try {
			// Warm-up: class loading and the first connections.
			Flux.range(0, 50)
				.flatMap((i) -> channel.send(message("warm" + i), settings), CONCURRENCY)
				.blockLast(Duration.ofMinutes(5));
			long start = System.nanoTime();
			Flux.range(0, count)
				.flatMap((i) -> channel.send(message("r" + i), settings), CONCURRENCY)
				.blockLast(Duration.ofMinutes(30));
			double seconds = (System.nanoTime() - start) / 1e9;
			int received = smtp.getReceivedMessages().length - 50;
			System.out.printf(
					"BENCHMARK email bulk: %d messages, %s connections%s, %d in flight: %.2f s = %.0f msg/s"
							+ " (received %d)%n",
					count, reuse ? "reused (pooled)" : "new", ehlo ? ", EHLO" : ", HELO", CONCURRENCY, seconds,
					count / seconds, received);
		}
		finally {
			channel.destroy();
		}
	}

	private static OutgoingMessage message(String id) {
		return new OutgoingMessage(id + "-" + System.nanoTime(), "Recipient " + id, id + "@example.com",
				"Your registration", "<p>Dear " + id + ", your registration is confirmed.</p>",
				"Dear " + id + ", your registration is confirmed.", null, null, null, false, null);
	}

}
