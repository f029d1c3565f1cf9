package com.onsiteatlas.reporting.lease;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the lease of one piece of claimed work for as long as this instance works on it:
 * from {@link #start()} to {@link #stop()} a timer calls the renewal, a non-blocking
 * guarded write that answers whether the lease is still ours. A failed write is tried
 * again at the next tick (an interval of a third of the lease leaves room for two); a
 * renewal that finds the work taken over marks the lease lost and stops, and
 * {@link #held()} then fails with {@link LeaseLost} so that nothing is stored or sent
 * after that.
 */
public final class LeaseKeeper {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final String work;

	private final Duration every;

	private final Supplier<Mono<Boolean>> renewal;

	private volatile boolean lost;

	private volatile Disposable timer;

	/**
	 * A keeper, not started.
	 * @param work what is leased, for log lines and errors (e.g. {@code export 65f...})
	 * @param every how often to renew
	 * @param renewal the guarded write: true while the lease is ours, false once another
	 * instance holds it
	 */
	public LeaseKeeper(String work, Duration every, Supplier<Mono<Boolean>> renewal) {
		this.work = work;
		this.every = every;
		this.renewal = renewal;
	}

	/** Starts the timer. */
	public void start() {
		this.timer = Flux.interval(this.every, this.every)
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.defer(this.renewal).doOnNext((held) -> {
				if (!held) {
					this.lost = true;
					stop();
				}
			}).onErrorResume((ex) -> {
				logger.warn("Lease renewal of {} failed: {}", this.work, ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** Stops the timer; the lease then runs out unless the work is finished. */
	public void stop() {
		Disposable running = this.timer;
		if (running != null) {
			running.dispose();
		}
	}

	/**
	 * Whether a renewal found the work taken over.
	 * @return true once the lease is lost
	 */
	public boolean isLost() {
		return this.lost;
	}

	/**
	 * Throws {@link LeaseLost} when the lease is lost; for blocking callers.
	 */
	public void requireHeld() {
		if (this.lost) {
			throw new LeaseLost(this.work);
		}
	}

	/**
	 * Empty while the lease is ours, {@link LeaseLost} otherwise.
	 * @return the check
	 */
	public Mono<Void> held() {
		return Mono.defer(() -> this.lost ? Mono.error(new LeaseLost(this.work)) : Mono.empty());
	}

	/** The lease of a piece of work went to another instance. */
	public static final class LeaseLost extends RuntimeException {

		public LeaseLost(String work) {
			super("The lease of " + work + " went to another instance", null, false, false);
		}

	}

}
