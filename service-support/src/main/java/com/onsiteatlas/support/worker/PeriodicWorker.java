package com.onsiteatlas.support.worker;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one background step ("tick") of a service again and again: the shared mechanism
 * behind every polling loop.
 * <p>
 * After the initial delay (or a wake-up) it runs the tick; ticks never overlap (the next
 * one starts only when the previous one ended, however slow it was). A tick that reports
 * more work ({@code true}) is followed at once by the next; otherwise the worker waits
 * for the interval or until {@link #wakeUp()}, whichever comes first. A wake-up that
 * arrives while a tick runs makes the next tick start as soon as that one ends, so work
 * enqueued in this instance is never left for the interval; work enqueued by another
 * instance is found at the next interval. A failed tick is logged and the worker goes on.
 * Stopping lets the running tick finish (up to the stop timeout, then it is cancelled).
 */
public class PeriodicWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicWorker.class);

	private final String name;

	private final Schedule schedule;

	private final Supplier<Mono<Boolean>> tick;

	private final AtomicBoolean woken = new AtomicBoolean();

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private final Sinks.Many<Boolean> signals = Sinks.many().multicast().directBestEffort();

	private volatile boolean stopping;

	private volatile Disposable loop;

	private volatile Sinks.Empty<Void> ended;

	/**
	 * A worker.
	 * @param name what the worker does, for logs
	 * @param schedule when it runs
	 * @param tick one step; emits {@code true} when more work is waiting, {@code false}
	 * or nothing otherwise
	 */
	public PeriodicWorker(String name, Schedule schedule, Supplier<Mono<Boolean>> tick) {
		this.name = name;
		this.schedule = schedule;
		this.tick = tick;
	}

	/**
	 * The worker's name.
	 * @return the name given at creation
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Runs a tick now instead of at the end of the interval (or right after the running
	 * one). Cheap and safe to call from any thread, also when the worker is stopped.
	 */
	public void wakeUp() {
		this.woken.set(true);
		this.signals.tryEmitNext(true);
	}

	/**
	 * Runs a tick within the given delay: many calls in that time lead to one wake-up.
	 * For work that is enqueued often and is not urgent to the millisecond (a sent
	 * notification's event), so that a burst of writes costs one tick instead of one per
	 * write, while the worker's own interval can stay long when nothing happens.
	 * @param delay the longest the work waits
	 */
	public void wakeUpWithin(Duration delay) {
		if (this.wakeUpPending.compareAndSet(false, true)) {
			Mono.delay(delay, this.schedule.scheduler()).subscribe((tick) -> {
				this.wakeUpPending.set(false);
				wakeUp();
			});
		}
	}

	@Override
	public synchronized void start() {
		if (this.loop != null || !this.schedule.enabled()) {
			return;
		}
		this.stopping = false;
		Sinks.Empty<Void> end = Sinks.empty();
		this.ended = end;
		this.loop = pause(this.schedule.initialDelay()).then(round().repeat(() -> !this.stopping).then())
			.doFinally((signal) -> end.tryEmitEmpty())
			.subscribe();
		logger.info("Worker {} started (every {})", this.name, this.schedule.interval());
	}

	/** One tick, then the wait that its result calls for. */
	private Mono<Void> round() {
		return Mono.defer(() -> {
			if (this.stopping) {
				return Mono.empty();
			}
			this.woken.set(false);
			return runTick()
				.flatMap((more) -> (more || this.stopping) ? Mono.empty() : pause(this.schedule.interval()));
		});
	}

	private Mono<Boolean> runTick() {
		return Mono.defer(this.tick).defaultIfEmpty(false).onErrorResume((ex) -> {
			logger.warn("Worker {} round failed, trying again at the next round: {}", this.name, ex.toString());
			return Mono.just(false);
		});
	}

	/**
	 * Waits for the given time, a wake-up or a stop. The signals are subscribed to before
	 * the flags are read, so a wake-up is never lost between the two.
	 */
	private Mono<Void> pause(Duration wait) {
		return Mono
			.firstWithSignal(this.signals.asFlux().next(),
					Mono.fromSupplier(() -> this.woken.get() || this.stopping)
						.filter(Boolean::booleanValue)
						.switchIfEmpty(Mono.never()),
					Mono.delay(wait, this.schedule.scheduler()).thenReturn(true))
			.then();
	}

	@Override
	public void stop() {
		CountDownLatch done = new CountDownLatch(1);
		stop(done::countDown);
		try {
			done.await(this.schedule.stopTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops after the running tick (cancelling it after the stop timeout) and then calls
	 * back.
	 * @param callback run once the worker has stopped
	 */
	@Override
	public synchronized void stop(Runnable callback) {
		Disposable current = this.loop;
		Sinks.Empty<Void> end = this.ended;
		this.loop = null;
		if (current == null || end == null) {
			callback.run();
			return;
		}
		this.stopping = true;
		this.signals.tryEmitNext(false);
		end.asMono().timeout(this.schedule.stopTimeout(), this.schedule.scheduler()).onErrorResume((ex) -> {
			logger.warn("Worker {} did not finish its round within {}; cancelling it", this.name,
					this.schedule.stopTimeout());
			return Mono.empty();
		}).doFinally((signal) -> {
			current.dispose();
			callback.run();
		}).subscribe();
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

	@Override
	public int getPhase() {
		return this.schedule.phase();
	}

	/**
	 * When a worker runs.
	 *
	 * @param initialDelay wait after start before the first tick
	 * @param interval wait after a tick that found no more work
	 * @param enabled false to never start (a service switched the work off)
	 * @param phase the lifecycle phase (workers stop before the clients they use)
	 * @param stopTimeout how long stopping waits for the running tick
	 * @param scheduler the timer (a virtual one in tests)
	 */
	public record Schedule(Duration initialDelay, Duration interval, boolean enabled, int phase, Duration stopTimeout,
			Scheduler scheduler) {

		/** Default phase: stop before the Kafka producer and the MongoDB client close. */
		public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

		/** Default stop timeout. */
		public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

		/**
		 * An enabled schedule with the default phase, stop timeout and timer.
		 * @param initialDelay wait after start before the first tick
		 * @param interval wait after a tick that found no more work
		 * @return the schedule
		 */
		public static Schedule of(Duration initialDelay, Duration interval) {
			return new Schedule(initialDelay, interval, true, DEFAULT_PHASE, DEFAULT_STOP_TIMEOUT,
					Schedulers.parallel());
		}

		/**
		 * This schedule, switched on or off.
		 * @param on whether the worker starts
		 * @return a copy
		 */
		public Schedule enabled(boolean on) {
			return new Schedule(this.initialDelay, this.interval, on, this.phase, this.stopTimeout, this.scheduler);
		}

		/**
		 * This schedule on another timer.
		 * @param timer the scheduler for delays and timeouts
		 * @return a copy
		 */
		public Schedule on(Scheduler timer) {
			return new Schedule(this.initialDelay, this.interval, this.enabled, this.phase, this.stopTimeout, timer);
		}

	}

}
