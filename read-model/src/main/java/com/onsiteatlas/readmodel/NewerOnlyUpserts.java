package com.onsiteatlas.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Newer-only upserts of read-model documents as one unordered bulk write: each document
 * is replaced by a snapshot's values unless a newer snapshot was applied already
 * ({@code lastEventTime}). A snapshot older than the stored one matches nothing, and its
 * upsert's insert collides on {@code _id}: that collision is the "ignore" case, and the
 * bulk write's other upserts still apply (unordered). One key appears at most once per
 * write ({@link #newestPerKey}), so the order of the writes does not matter.
 */
public final class NewerOnlyUpserts {

	private static final int DUPLICATE_KEY = 11000;

	private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private NewerOnlyUpserts() {
	}

	/**
	 * The newest element per key, in the order the keys first appear; of two elements of
	 * the same time the later one wins (as applying them one after the other would: the
	 * guard lets an equal time through).
	 * @param elements the elements, in the order they were received
	 * @param key the key of an element (a document id)
	 * @param at the time of an element
	 * @param <T> the element type
	 * @return one element per key
	 */
	public static <T> Collection<T> newestPerKey(List<T> elements, Function<T, Object> key, Function<T, Instant> at) {
		Map<Object, T> newest = new LinkedHashMap<>();
		for (T element : elements) {
			newest.merge(key.apply(element), element,
					(kept, next) -> at.apply(next).isBefore(at.apply(kept)) ? kept : next);
		}
		return newest.values();
	}

	/**
	 * Writes the upserts as one unordered bulk write.
	 * @param mongo the template
	 * @param collection the collection
	 * @param upserts at most one per document id
	 * @return completion; an error for any failure other than an outdated snapshot's
	 * collision
	 */
	public static Mono<Void> write(ReactiveMongoTemplate mongo, String collection, Collection<Upsert> upserts) {
		if (upserts.isEmpty()) {
			return Mono.empty();
		}
		List<WriteModel<Document>> models = new ArrayList<>(upserts.size());
		for (Upsert upsert : upserts) {
			models.add(upsert.model());
		}
		return mongo.getCollection(collection)
			.flatMap((target) -> Mono.from(target.bulkWrite(models, UNORDERED)))
			.onErrorResume(MongoBulkWriteException.class, (ex) -> onlyOutdated(ex) ? Mono.empty() : Mono.error(ex))
			.then();
	}

	private static boolean onlyOutdated(MongoBulkWriteException ex) {
		return ex.getWriteConcernError() == null
				&& ex.getWriteErrors().stream().map(BulkWriteError::getCode).allMatch((code) -> code == DUPLICATE_KEY);
	}

	/**
	 * One newer-only upsert.
	 *
	 * @param id the document id
	 * @param at the time of the snapshot (stored as {@code lastEventTime})
	 * @param set the fields to set (already in their stored form)
	 * @param setOnInsert the fields to set only when the document is created
	 */
	public record Upsert(Object id, Instant at, Document set, Document setOnInsert) {

		WriteModel<Document> model() {
			Date time = Date.from(this.at);
			// The same shape as the per-envelope guarded upsert: a top-level _id
			// equality,
			// which the embedded store answers from its _id index too.
			Document newerOnly = new Document("_id", this.id).append("$or",
					List.of(new Document("lastEventTime", new Document("$exists", false)),
							new Document("lastEventTime", new Document("$lte", time))));
			Document update = new Document("$set", new Document(this.set).append("lastEventTime", time));
			if (!this.setOnInsert.isEmpty()) {
				update.append("$setOnInsert", this.setOnInsert);
			}
			return new UpdateOneModel<>(newerOnly, update, UPSERT);
		}

	}

}
