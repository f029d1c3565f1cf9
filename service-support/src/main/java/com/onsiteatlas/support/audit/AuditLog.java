package com.onsiteatlas.support.audit;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.security.CurrentPrincipal;

/**
 * Writes and reads a service's audit trail.
 * <p>
 * An entry is written after the operation it describes succeeded. When the write fails
 * the operation is not undone (it already happened) and does not fail: the entry goes to
 * the log at WARN, whole, so it is not lost silently.
 */
public class AuditLog {

	/** The most entries one CSV export holds. */
	public static final int MAX_EXPORT = 10_000;

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public AuditLog(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Records an operation by the caller of the current request, or by the system when
	 * there is none.
	 * @param record what happened
	 * @return completes when written (or logged)
	 */
	public Mono<Void> record(AuditRecord record) {
		return record(record, AuditActor.system(AuditActor.SYSTEM, null));
	}

	/**
	 * Records an operation by the caller of the current request, or by a given actor when
	 * there is none (a schedule's automatic run).
	 * @param record what happened
	 * @param otherwise the actor without a request
	 * @return completes when written (or logged)
	 */
	public Mono<Void> record(AuditRecord record, AuditActor otherwise) {
		return CurrentPrincipal.get()
			.map(AuditActor::of)
			.defaultIfEmpty(otherwise)
			.flatMap((actor) -> recordAs(record, actor));
	}

	/**
	 * Records an operation by a given actor.
	 * @param record what happened
	 * @param actor who did it
	 * @return completes when written (or logged)
	 */
	public Mono<Void> recordAs(AuditRecord record, AuditActor actor) {
		AuditEntry entry = new AuditEntry(new ObjectId().toHexString(), record.eventId(), this.clock.instant(), actor,
				record.action().value(), record.resourceType(), record.resourceId(), record.summary(), record.fields());
		return this.mongo.insert(entry).then().onErrorResume((ex) -> {
			log.warn("Audit entry not stored ({}): {}", ex.toString(), entry);
			return Mono.empty();
		});
	}

	/**
	 * One page of a conference's trail.
	 * @param eventId the conference
	 * @param filter which entries
	 * @param page paging
	 * @return the page
	 */
	public Mono<Paged<AuditEntry>> page(String eventId, AuditFilter filter, PageQuery page) {
		return MongoPaging.find(this.mongo, query(eventId, filter), AuditEntry.class, page);
	}

	/**
	 * The entries of an export, newest first, at most {@link #MAX_EXPORT}.
	 * @param eventId the conference
	 * @param filter which entries
	 * @return the entries
	 */
	public Flux<AuditEntry> export(String eventId, AuditFilter filter) {
		Query query = query(eventId, filter).with(Sort.by(Sort.Order.desc("at"))).limit(MAX_EXPORT);
		return this.mongo.find(query, AuditEntry.class);
	}

	private static Query query(String eventId, AuditFilter filter) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (filter.action() != null) {
			criteria.and("action").is(filter.action());
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria at = criteria.and("at");
			if (filter.from() != null) {
				at.gte(filter.from());
			}
			if (filter.to() != null) {
				at.lt(filter.to());
			}
		}
		return Query.query(criteria);
	}

}
