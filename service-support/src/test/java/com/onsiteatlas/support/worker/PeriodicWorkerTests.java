package com.onsiteatlas.support.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic worker on a virtual timer: every wait is advanced by hand, so nothing here
 * depends on how fast the machine is.
 */
class PeriodicWorkerTests {

	private static final Duration INITIAL_DELAY = Duration.ofSeconds(5);

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

	private final AtomicInteger started = new AtomicInteger();

	private PeriodicWorker worker;

	private Supplier<Mono<Boolean>> body = () -> Mono.just(false);

	@AfterEach
	void stopWorker() {
		if (this.worker != null && this.worker.isRunning()) {
			this.worker.stop(() -> {
			});
			this.timer.advanceTimeBy(PeriodicWorker.Schedule.DEFAULT_STOP_TIMEOUT);
		}
		this.timer.dispose();
	}

	@Test
	void runsAfterTheInitialDelayThenEveryIntervalUntilStopped() {
		start(() -> Mono.just(false));
		this.timer.advanceTimeBy(INITIAL_DELAY.minusSeconds(1));
		assertThat(this.started).hasValue(0);
		this.timer.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.started).hasValue(1);
		this.timer.advanceTimeBy(INTERVAL.multipliedBy(3));
		assertThat(this.started).hasValue(4);

		AtomicBoolean stopped = new AtomicBoolean();
		this.worker.stop(() -> stopped.set(true));
		assertThat(stopped).isTrue();
		assertThat(this.worker.isRunning()).isFalse();
		this.timer.advanceTimeBy(INTERVAL.multipliedBy(10));
		assertThat(this.started).hasValue(4);
	}

	@Test
	void neverStartsATickWhileOneIsRunning() {
		List<Sinks.One<Boolean>> ticks = new ArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		start(() -> {
			Sinks.One<Boolean> tick = Sinks.one();
			ticks.add(tick);
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			return tick.asMono().doFinally((signal) -> running.decrementAndGet());
		});
		this.timer.advanceTimeBy(INITIAL_DELAY.plus(INTERVAL.multipliedBy(20)));
		assertThat(this.started).hasValue(1);

		ticks.get(0).tryEmitValue(false);
		assertThat(this.started).hasValue(1);
		this.timer.advanceTimeBy(INTERVAL);
		assertThat(this.started).hasValue(2);
		assertThat(mostAtOnce).hasValue(1);
	}

	@Test
	void repeatsAtOnceWhileATickReportsMoreWork() {
		start(() -> Mono.just(this.started.get() < 3));
		this.timer.advanceTimeBy(INITIAL_DELAY);
		assertThat(this.started).hasValue(3);
		this.timer.advanceTimeBy(INTERVAL.minusSeconds(1));
		assertThat(this.started).hasValue(3);
	}

	@Test
	void wakeUpRunsATickBeforeTheInterval() {
		start(() -> Mono.just(false));
		this.timer.advanceTimeBy(INITIAL_DELAY);
		assertThat(this.started).hasValue(1);

		this.worker.wakeUp();
		assertThat(this.started).hasValue(2);
		this.worker.wakeUp();
		assertThat(this.started).hasValue(3);
	}

	@Test
	void wakeUpWithinRunsOneTickForABurstOfCallsAfterTheDelay() {
		start(() -> Mono.just(false));
		this.timer.advanceTimeBy(INITIAL_DELAY);
		assertThat(this.started).hasValue(1);

		for (int i = 0; i < 50; i++) {
			this.worker.wakeUpWithin(Duration.ofSeconds(1));
		}
		this.timer.advanceTimeBy(Duration.ofMillis(999));
		assertThat(this.started).hasValue(1);
		this.timer.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.started).hasValue(2);
		this.timer.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(this.started).hasValue(2);

		this.worker.wakeUpWithin(Duration.ofSeconds(1));
		this.timer.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.started).hasValue(3);
	}

	@Test
	void wakeUpDuringATickRunsTheNextRightAfterIt() {
		List<Sinks.One<Boolean>> ticks = new ArrayList<>();
		start(() -> {
			Sinks.One<Boolean> tick = Sinks.one();
			ticks.add(tick);
			return tick.asMono();
		});
		this.timer.advanceTimeBy(INITIAL_DELAY);
		this.worker.wakeUp();
		assertThat(this.started).hasValue(1);

		ticks.get(0).tryEmitValue(false);
		assertThat(this.started).hasValue(2);
		ticks.get(1).tryEmitValue(false);
		assertThat(this.started).hasValue(2);
	}

	@Test
	void goesOnAfterAFailedTick() {
		start(() -> {
			if (this.started.get() == 1) {
				throw new IllegalStateException("thrown while building the tick");
			}
			return Mono.error(new IllegalStateException("failed tick"));
		});
		this.timer.advanceTimeBy(INITIAL_DELAY.plus(INTERVAL.multipliedBy(2)));
		assertThat(this.started).hasValue(3);
		assertThat(this.worker.isRunning()).isTrue();
	}

	@Test
	void stopLetsTheRunningTickFinish() {
		Sinks.One<Boolean> tick = Sinks.one();
		AtomicBoolean cancelled = new AtomicBoolean();
		start(() -> tick.asMono().doOnCancel(() -> cancelled.set(true)));
		this.timer.advanceTimeBy(INITIAL_DELAY);

		AtomicBoolean stopped = new AtomicBoolean();
		this.worker.stop(() -> stopped.set(true));
		assertThat(stopped).isFalse();
		tick.tryEmitValue(true);
		assertThat(stopped).isTrue();
		assertThat(cancelled).isFalse();
		this.timer.advanceTimeBy(INTERVAL.multipliedBy(5));
		assertThat(this.started).hasValue(1);
	}

	@Test
	void stopCancelsATickThatOutlastsTheStopTimeout() {
		start(() -> Mono.<Boolean>never().doOnCancel(() -> this.started.addAndGet(100)));
		this.timer.advanceTimeBy(INITIAL_DELAY);

		AtomicBoolean stopped = new AtomicBoolean();
		this.worker.stop(() -> stopped.set(true));
		this.timer.advanceTimeBy(PeriodicWorker.Schedule.DEFAULT_STOP_TIMEOUT.minusSeconds(1));
		assertThat(stopped).isFalse();
		this.timer.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(stopped).isTrue();
		assertThat(this.started).hasValue(101);
	}

	@Test
	void stopDuringTheInitialDelayEndsAtOnce() {
		start(() -> Mono.just(false));
		AtomicBoolean stopped = new AtomicBoolean();
		this.worker.stop(() -> stopped.set(true));
		assertThat(stopped).isTrue();
		this.timer.advanceTimeBy(INITIAL_DELAY.plus(INTERVAL));
		assertThat(this.started).hasValue(0);
	}

	@Test
	void wakeUpDuringTheInitialDelayRunsATickAtOnce() {
		start(() -> Mono.just(false));
		this.worker.wakeUp();
		assertThat(this.started).hasValue(1);
		this.timer.advanceTimeBy(INTERVAL.minusSeconds(1));
		assertThat(this.started).hasValue(1);
	}

	@Test
	void aDisabledWorkerNeverRuns() {
		this.worker = new PeriodicWorker("test",
				PeriodicWorker.Schedule.of(INITIAL_DELAY, INTERVAL).enabled(false).on(this.timer), this::countedTick);
		this.worker.start();
		this.timer.advanceTimeBy(INTERVAL.multipliedBy(5));
		assertThat(this.started).hasValue(0);
		assertThat(this.worker.isRunning()).isFalse();
	}

	private Mono<Boolean> countedTick() {
		this.started.incrementAndGet();
		return this.body.get();
	}

	private void start(Supplier<Mono<Boolean>> tick) {
		this.body = tick;
		this.worker = new PeriodicWorker("test", PeriodicWorker.Schedule.of(INITIAL_DELAY, INTERVAL).on(this.timer),
				this::countedTick);
		this.worker.start();
		assertThat(this.worker.isRunning()).isTrue();
	}

}
