package com.onsiteatlas.reporting.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link ExportHistoryRepositoryCustom}.
 */
class ExportHistoryRepositoryImpl implements ExportHistoryRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	ExportHistoryRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<ExportHistory> claimOldest(String owner, Instant now, Instant leaseUntil) {
		Query claimable = Query
			.query(new Criteria().orOperator(Criteria.where("status").is(ExportStatus.PENDING.value()),
					new Criteria().andOperator(Criteria.where("status").is(ExportStatus.PROCESSING.value()),
							Criteria.where("leaseUntil").lt(Date.from(now)))))
			.with(Sort.by("createdAt"));
		Update update = new Update().set("status", ExportStatus.PROCESSING.value())
			.set("leaseOwner", owner)
			.set("leaseUntil", Date.from(leaseUntil))
			.set("startedAt", Date.from(now))
			.set("progress", 0)
			.set("recordCount", 0L)
			.inc("attempts", 1);
		return this.mongo.findAndModify(claimable, update, FindAndModifyOptions.options().returnNew(true),
				ExportHistory.class);
	}

	@Override
	public Mono<Boolean> setTotalIfRunning(String id, String owner, long total) {
		return this.mongo.updateFirst(running(id, owner), new Update().set("totalRecords", total), ExportHistory.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	@Override
	public Mono<Boolean> renewIfRunning(String id, String owner, Instant leaseUntil, long recordCount,
			Integer progress) {
		Update update = new Update().set("leaseUntil", Date.from(leaseUntil)).set("recordCount", recordCount);
		if (progress != null) {
			update.set("progress", progress);
		}
		return this.mongo.updateFirst(running(id, owner), update, ExportHistory.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	@Override
	public Mono<Boolean> completeIfOwned(String id, String owner, ExportCompletion completion, OutboxMessage message) {
		Update update = new Update().set("status", ExportStatus.COMPLETED.value())
			.set("progress", 100)
			.set("recordCount", completion.recordCount())
			.set("fileSize", completion.fileSize())
			.set("fileId", completion.fileId())
			.set("fileName", completion.fileName())
			.set("fileUrl", completion.fileUrl())
			.set("completedAt", Date.from(completion.completedAt()))
			.set("expiresAt", Date.from(completion.expiresAt()))
			.unset("leaseOwner")
			.unset("leaseUntil");
		Outbox.push(update, List.of(message));
		return this.mongo.updateFirst(owned(id, owner, ExportStatus.COMPLETED), update, ExportHistory.class)
			.map((result) -> result.getModifiedCount() > 0);
	}

	@Override
	public Mono<Boolean> failIfOwned(String id, String owner, String reason, Instant completedAt,
			OutboxMessage message) {
		Update update = new Update().set("status", ExportStatus.FAILED.value())
			.set("errorMessage", reason)
			.set("completedAt", Date.from(completedAt))
			.unset("leaseOwner")
			.unset("leaseUntil");
		Outbox.push(update, List.of(message));
		return this.mongo.updateFirst(owned(id, owner, ExportStatus.FAILED), update, ExportHistory.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	@Override
	public Flux<ExportHistory> findExpiredBefore(Instant now) {
		Query expired = Query.query(Criteria.where("status")
			.is(ExportStatus.COMPLETED.value())
			.and("expiresAt")
			.lt(Date.from(now))
			.and("expired")
			.ne(true));
		return this.mongo.find(expired, ExportHistory.class);
	}

	@Override
	public Mono<Void> markExpired(String id, String fileId) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("fileId").is(fileId)),
					new Update().set("expired", true).unset("fileId"), ExportHistory.class)
			.then();
	}

	@Override
	public Mono<Boolean> replaceFile(String id, String oldFileId, String newFileId) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("fileId").is(oldFileId).and("expired").ne(true)),
					new Update().set("fileId", newFileId), ExportHistory.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

	@Override
	public Mono<Boolean> refersTo(String id, String fileId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id).and("fileId").is(fileId)),
				ExportHistory.class);
	}

	@Override
	public Mono<Paged<ExportHistory>> page(HistorySearch search, PageQuery page) {
		List<Criteria> all = new ArrayList<>();
		if (search.userId() != null) {
			all.add(Criteria.where("user").is(search.userId()));
		}
		if (search.boundEventId() != null) {
			// A user bound to one event sees only that event's exports.
			all.add(Criteria.where("event").is(search.boundEventId()));
		}
		if (search.eventId() != null) {
			all.add(Criteria.where("event").is(search.eventId()));
		}
		if (search.status() != null) {
			all.add(Criteria.where("status").is(search.status()));
		}
		if (search.dataType() != null) {
			all.add(Criteria.where("dataType").is(search.dataType()));
		}
		if (search.exportType() != null) {
			all.add(Criteria.where("exportType").is(search.exportType()));
		}
		if (search.from() != null || search.to() != null) {
			Criteria created = Criteria.where("createdAt");
			if (search.from() != null) {
				created = created.gte(Date.from(search.from()));
			}
			if (search.to() != null) {
				created = created.lte(Date.from(search.to()));
			}
			all.add(created);
		}
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		return MongoPaging.find(this.mongo, query, ExportHistory.class, page);
	}

	/** The job while this owner holds it. */
	private static Query owned(String id, String owner) {
		return Query.query(Criteria.where("_id").is(id).and("leaseOwner").is(owner));
	}

	/** The job while this owner holds it and it is processing. */
	private static Query running(String id, String owner) {
		return owned(id, owner).addCriteria(Criteria.where("status").is(ExportStatus.PROCESSING.value()));
	}

	/** The job while this owner holds it and it may still move to a status. */
	private static Query owned(String id, String owner, ExportStatus next) {
		return owned(id, owner).addCriteria(Criteria.where("status").in(ExportStatus.valuesThatCanBecome(next)));
	}

}
