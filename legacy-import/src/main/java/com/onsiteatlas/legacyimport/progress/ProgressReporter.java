package com.onsiteatlas.legacyimport.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prints a collection's progress (done/total, rate, ETA) at most once per interval,
 * whatever the document rate, and once at the end of the collection.
 */
public final class ProgressReporter {

	private final PrintStream out;

	private final Clock clock;

	private final Duration interval;

	private String collection;

	private long total;

	private long done;

	private Instant started;

	private Instant lastPrinted;

	private int lines;

	public ProgressReporter(PrintStream out, Clock clock, Duration interval) {
		this.out = out;
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Starts a collection.
	 * @param collection its name
	 * @param total documents to read
	 * @param resumedAfter the checkpoint's id, or null from the start
	 */
	public void start(String collection, long total, Object resumedAfter) {
		this.collection = collection;
		this.total = total;
		this.done = 0;
		this.started = this.clock.instant();
		this.lastPrinted = this.started;
		this.out.printf("%s: %,d document(s)%s%n", collection, total,
				(resumedAfter != null) ? " after checkpoint " + resumedAfter : "");
		this.lines++;
	}

	/** One more document done; prints when the interval has passed. */
	public void advance() {
		this.done++;
		Instant now = this.clock.instant();
		if (Duration.between(this.lastPrinted, now).compareTo(this.interval) >= 0) {
			print(now);
		}
	}

	/** Prints the collection's final line. */
	public void finish() {
		print(this.clock.instant());
	}

	/**
	 * Lines printed so far, for tests of the rate bound.
	 * @return the count
	 */
	public int lines() {
		return this.lines;
	}

	private void print(Instant now) {
		this.lastPrinted = now;
		double seconds = Math.max(Duration.between(this.started, now).toMillis(), 1) / 1000.0;
		double rate = this.done / seconds;
		long left = Math.max(this.total - this.done, 0);
		String eta = (rate > 0 && left > 0) ? format(Duration.ofSeconds(Math.round(left / rate))) : "-";
		int percent = (this.total > 0) ? (int) Math.min(100, this.done * 100 / this.total) : 100;
		this.out.printf("  %s %,d/%,d (%d%%), %,.0f docs/s, ETA %s%n", this.collection, this.done, this.total, percent,
				rate, eta);
		this.lines++;
	}

	private static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds >= 3600) ? String.format("%dh%02dm", seconds / 3600, (seconds % 3600) / 60)
				: (seconds >= 60) ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
	}

}
