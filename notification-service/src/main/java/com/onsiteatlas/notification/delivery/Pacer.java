package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces sends of one channel evenly at a configured rate (a token bucket of size one),
 * so a bulk send of thousands paces itself below the provider's limit instead of being
 * rejected with 429s.
 */
class Pacer {

	private final long intervalNanos;

	private final LongSupplier clock;

	private long nextSlot;

	Pacer(double perSecond, LongSupplier clock) {
		this.intervalNanos = (perSecond > 0) ? (long) (1_000_000_000L / perSecond) : 0;
		this.clock = clock;
		this.nextSlot = clock.getAsLong();
	}

	/**
	 * Reserves the next slot.
	 * @return how long to wait before sending
	 */
	synchronized Duration reserve() {
		if (this.intervalNanos == 0) {
			return Duration.ZERO;
		}
		long now = this.clock.getAsLong();
		long slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalNanos;
		return Duration.ofNanos(slot - now);
	}

}
