package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Fires scheduled triggers. Each occurrence is claimed by inserting a document with the
 * unique id {@code <trigger>@<instant>}: however many replicas look at the same due
 * trigger, one insert wins and only that one sends. The schedule lives in the database
 * ({@code nextRunAt}), so it survives restarts. Missed-occurrence rule: an occurrence
 * that was due while no instance ran fires late if it is less than {@code missed-grace}
 * (default 1 h) old, and is otherwise recorded as {@code missed}, logged and skipped; a
 * claimed occurrence whose instance died before it finished is re-run (its sends are
 * deduplicated by their unique key).
 */
@Component
class TriggerScheduler implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(TriggerScheduler.class);

	private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	private final NotificationTriggerRepository repository;

	private final TriggerOccurrenceRepository occurrences;

	private final TriggerQueries triggers;

	private final TriggerRuns runs;

	private final NotificationProperties.Schedule properties;

	private final Clock clock;

	private final PeriodicWorker worker;

	TriggerScheduler(NotificationTriggerRepository repository, TriggerOccurrenceRepository occurrences,
			TriggerQueries triggers, TriggerRuns runs, NotificationProperties properties, Clock clock) {
		this.runs = runs;
		this.repository = repository;
		this.occurrences = occurrences;
		this.clock = clock;
		this.triggers = triggers;
		this.properties = properties.schedule();
		this.worker = new PeriodicWorker("trigger-scheduler",
				PeriodicWorker.Schedule.of(Duration.ofSeconds(2), this.properties.pollInterval())
					.enabled(this.properties.enabled()),
				() -> runDue(this.clock.instant()).thenReturn(false));
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * One pass: fires every due occurrence and re-runs stale claims.
	 * @param now the current time
	 * @return occurrences handled
	 */
	Mono<Long> runDue(Instant now) {
		Flux<Boolean> fresh = this.repository.findDueScheduled(now).concatMap((trigger) -> occurrence(trigger, now));
		Flux<Boolean> recovered = this.occurrences.findStaleClaims(now.minus(STALE_CLAIM))
			.concatMap((occurrence) -> this.repository.findById(occurrence.trigger())
				.flatMap((trigger) -> fire(trigger, occurrence.id()))
				.thenReturn(true));
		return Flux.concat(fresh, recovered).count();
	}

	private Mono<Boolean> occurrence(NotificationTrigger trigger, Instant now) {
		Instant at = trigger.nextRunAt();
		String id = trigger.id() + "@" + at;
		boolean missed = Duration.between(at, now).compareTo(this.properties.missedGrace()) > 0;
		Mono<Boolean> claimed = this.occurrences.claim(id, trigger, at, missed, now);
		return claimed.flatMap((won) -> advance(trigger, at, missed && won).then(Mono.defer(() -> {
			if (!won) {
				return Mono.just(false);
			}
			if (missed) {
				logger.warn("Skipped occurrence {} of trigger '{}' ({}): missed by more than {}", at, trigger.name(),
						trigger.id(), this.properties.missedGrace());
				return Mono.just(true);
			}
			return fire(trigger, id).thenReturn(true);
		})));
	}

	private Mono<Void> advance(NotificationTrigger trigger, Instant at, boolean missed) {
		return this.triggers.zone(trigger.event()).flatMap((zone) -> {
			Instant next = Schedules.next(trigger.schedule(), zone, at);
			return this.repository.advanceIfStillAt(trigger.id(), at, next, !missed);
		});
	}

	private Mono<Void> fire(NotificationTrigger trigger, String occurrenceId) {
		return this.runs.fanOut(trigger, null, null, "occurrence:" + occurrenceId, "scheduled", null)
			.flatMap((result) -> {
				logger.info("Scheduled trigger '{}' occurrence {} queued {} notification(s)", trigger.name(),
						occurrenceId, result.queued());
				return this.occurrences.markFired(occurrenceId, result.queued());
			})
			.then();
	}

}
