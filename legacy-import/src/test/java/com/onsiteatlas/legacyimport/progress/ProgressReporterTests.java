package com.onsiteatlas.legacyimport.progress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress lines: done/total, rate and ETA, at most one per interval however fast the
 * documents come.
 */
class ProgressReporterTests {

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ProgressReporter progress = new ProgressReporter(
			new PrintStream(this.out, true, StandardCharsets.UTF_8), this.clock, Duration.ofSeconds(1));

	@Test
	void printsAtMostOneLinePerIntervalWithRateAndEta() {
		this.progress.start("registrations", 10_000, null);
		for (int i = 0; i < 10_000; i++) {
			this.clock.advance(Duration.ofMillis(1));
			this.progress.advance();
		}
		this.progress.finish();

		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		// the heading, one line per elapsed second (10 s for 10,000 documents), the final
		// line
		assertThat(lines).hasSize(12);
		assertThat(this.progress.lines()).isEqualTo(12);
		assertThat(lines.get(0)).startsWith("registrations: ").contains("document(s)");
		assertThat(lines.get(5)).contains("registrations").contains("(50%)").contains("docs/s").endsWith("ETA 5s");
		assertThat(lines.get(11)).contains("(100%)").endsWith("ETA -");
	}

	@Test
	void aSlowImportStillPrintsEveryIntervalAndNamesItsCheckpoint() {
		this.progress.start("payments", 3, "665f1c2ab4d3e8a9c0f1aaaa");
		for (int i = 0; i < 3; i++) {
			this.clock.advance(Duration.ofMinutes(2));
			this.progress.advance();
		}

		List<String> lines = this.out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).endsWith("after checkpoint 665f1c2ab4d3e8a9c0f1aaaa");
		assertThat(lines.get(1)).contains("(33%)").endsWith("ETA 4m00s");
	}

	private static final class SteppingClock extends Clock {

		private Instant now;

		SteppingClock(Instant start) {
			this.now = start;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
