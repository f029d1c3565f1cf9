package com.onsiteatlas.support.retention;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Purges the conferences whose retention window ended: runs every registered
 * {@link ConferencePurge} for each, then marks its tombstone purged. A purge that fails
 * leaves the tombstone deleted, so the next pass tries again.
 */
public class ConferencePurgeWorker implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(ConferencePurgeWorker.class);

	static final int BATCH = 20;

	/** The first pass waits for the service to settle, or the interval if shorter. */
	private static final Duration FIRST_PASS = Duration.ofMinutes(1);

	private final DeletedConferences deleted;

	private final List<ConferencePurge> purges;

	private final PeriodicWorker worker;

	public ConferencePurgeWorker(DeletedConferences deleted, List<ConferencePurge> purges,
			RetentionProperties properties) {
		this.deleted = deleted;
		this.purges = List.copyOf(purges);
		this.worker = new PeriodicWorker("deleted-conference-purge",
				PeriodicWorker.Schedule.of(min(FIRST_PASS, properties.purgeInterval()), properties.purgeInterval())
					.enabled(properties.purgeEnabled()),
				() -> purgeDue().map((count) -> count == BATCH));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * Purges the conferences that are due, one batch.
	 * @return how many were purged
	 */
	public Mono<Long> purgeDue() {
		return this.deleted.due(BATCH).concatMap((tombstone) -> purge(tombstone.eventId())).count();
	}

	private Mono<String> purge(String eventId) {
		return Flux.fromIterable(this.purges)
			.concatMap((purge) -> purge.purge(eventId))
			.then(this.deleted.markPurged(eventId))
			.doOnSuccess((done) -> logger.info("Purged the data of deleted conference {}", eventId))
			.thenReturn(eventId);
	}

}
