package com.onsiteatlas.notification.trigger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	static final String OCCURRENCES = "trigger_occurrences";

	private static final Logger logger = LoggerFactory.getLogger(TriggerScheduler.class);

	private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	private final ReactiveMongoTemplate mongo;

	private final TriggerQueries triggers;

	private final TriggerRuns runs;

	private final NotificationProperties.Schedule properties;

	private final Clock clock;

	private final PeriodicWorker worker;

	TriggerScheduler(ReactiveMongoTemplate mongo, TriggerQueries triggers, TriggerRuns runs,
			NotificationProperties properties, Clock clock) {
		this.runs = runs;
		this.mongo = mongo;
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
		Query due = Query
			.query(Criteria.where("triggerType").is("scheduled").and("isActive").is(true).and("nextRunAt").lte(now));
		Flux<Boolean> fresh = this.mongo.find(due, NotificationTrigger.class)
			.concatMap((trigger) -> occurrence(trigger, now));
		Query stale = Query.query(Criteria.where("status").is("claimed").and("claimedAt").lt(now.minus(STALE_CLAIM)));
		Flux<Boolean> recovered = this.mongo.find(stale, Document.class, OCCURRENCES)
			.concatMap((occurrence) -> this.mongo.findById(occurrence.getString("trigger"), NotificationTrigger.class)
				.flatMap((trigger) -> fire(trigger, occurrence.getString("_id")))
				.thenReturn(true));
		return Flux.concat(fresh, recovered).count();
	}

	private Mono<Boolean> occurrence(NotificationTrigger trigger, Instant now) {
		Instant at = trigger.nextRunAt();
		String id = trigger.id() + "@" + at;
		boolean missed = Duration.between(at, now).compareTo(this.properties.missedGrace()) > 0;
		Document claim = new Document("_id", id).append("trigger", trigger.id())
			.append("event", trigger.event())
			.append("scheduledFor", java.util.Date.from(at))
			.append("status", missed ? "missed" : "claimed")
			.append("claimedAt", java.util.Date.from(now));
		Mono<Boolean> claimed = this.mongo.insert(claim, OCCURRENCES)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
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
			Update update = (next != null) ? new Update().set("nextRunAt", next) : new Update().unset("nextRunAt");
			if (!missed) {
				update.set("lastRunAt", at);
			}
			return this.mongo
				.updateFirst(Query.query(Criteria.where("_id").is(trigger.id()).and("nextRunAt").is(at)), update,
						NotificationTrigger.class)
				.then();
		});
	}

	private Mono<Void> fire(NotificationTrigger trigger, String occurrenceId) {
		return this.runs.fanOut(trigger, null, null, "occurrence:" + occurrenceId, "scheduled", null)
			.flatMap((result) -> {
				logger.info("Scheduled trigger '{}' occurrence {} queued {} notification(s)", trigger.name(),
						occurrenceId, result.queued());
				return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(occurrenceId)),
						new Update().set("status", "fired").set("queued", result.queued()), OCCURRENCES);
			})
			.then();
	}

}
