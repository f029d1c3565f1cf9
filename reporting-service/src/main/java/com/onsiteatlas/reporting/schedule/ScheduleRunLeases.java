package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.lease.LeaseKeeper;

/**
 * This instance's leases on open runs: which runs are free (no lease, or one that ran
 * out), taking one, keeping it while a step runs and letting it go. Only a dead
 * instance's run is taken over.
 */
@Component
class ScheduleRunLeases {

	private final ScheduleRunRepository runs;

	private final ScheduleProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	ScheduleRunLeases(ScheduleRunRepository runs, ScheduleProperties properties, Clock clock) {
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Open runs that no instance holds.
	 * @return the runs
	 */
	Flux<ScheduleRun> free() {
		Instant now = this.clock.instant();
		return this.runs.findFree(now);
	}

	/**
	 * Takes a run's lease, if it is still free.
	 * @param run the run
	 * @return the run under this instance's lease; empty when another took it first
	 */
	Mono<ScheduleRun> take(ScheduleRun run) {
		Instant now = this.clock.instant();
		return this.runs.takeIfFree(run.id(), this.owner, now, now.plus(this.properties.lease()));
	}

	/**
	 * This instance's lease owner id, which the guarded writes of a leased run match.
	 * @return the owner id
	 */
	String owner() {
		return this.owner;
	}

	/**
	 * Lets a run go, so that the next round looks at it again.
	 * @param run a run this instance holds
	 * @return completion
	 */
	Mono<Void> release(ScheduleRun run) {
		return this.runs.releaseIfOwned(run.id(), this.owner);
	}

	/**
	 * Keeps a run's lease every third of the lease while this instance works on it, so
	 * that a delivery slower than the lease (an upload may take its 60 s timeout three
	 * times) is not taken over and sent again by another replica; once the lease is lost
	 * nothing is sent.
	 * @param run a run this instance holds
	 * @return the keeper, not started
	 */
	LeaseKeeper keeper(ScheduleRun run) {
		return new LeaseKeeper("schedule run " + run.id(), this.properties.lease().dividedBy(3),
				() -> this.runs.renewIfOwned(run.id(), this.owner, this.clock.instant().plus(this.properties.lease())));
	}

}
