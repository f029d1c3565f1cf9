package com.onsiteatlas.support.worker;

import org.springframework.context.SmartLifecycle;

/**
 * A bean whose background step runs on its own {@link PeriodicWorker}: its lifecycle is
 * the worker's, so the class itself only holds the step.
 */
public interface PeriodicWork extends SmartLifecycle {

	/**
	 * The worker that runs this bean's step.
	 * @return the worker
	 */
	PeriodicWorker worker();

	@Override
	default void start() {
		worker().start();
	}

	@Override
	default void stop() {
		worker().stop();
	}

	@Override
	default void stop(Runnable callback) {
		worker().stop(callback);
	}

	@Override
	default boolean isRunning() {
		return worker().isRunning();
	}

	@Override
	default int getPhase() {
		return worker().getPhase();
	}

}
