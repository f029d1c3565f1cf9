package com.onsiteatlas.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can move: it runs with the system clock until {@link #setTime} puts it
 * at another instant, from where it goes on ticking, and {@link #reset} puts it back.
 * Declared as a service's {@code Clock} bean in tests whose outcome depends on the time
 * of day (schedules, windows, expiry), so they pass at any hour.
 */
public final class MutableClock extends Clock {

	private volatile Clock current = Clock.systemUTC();

	/**
	 * Moves the clock; it keeps ticking from there.
	 * @param instant what {@link #instant()} answers now
	 */
	public void setTime(Instant instant) {
		Clock system = Clock.systemUTC();
		this.current = Clock.offset(system, Duration.between(system.instant(), instant));
	}

	/** Back to the system clock. */
	public void reset() {
		this.current = Clock.systemUTC();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this.current.withZone(zone);
	}

	@Override
	public Instant instant() {
		return this.current.instant();
	}

}
