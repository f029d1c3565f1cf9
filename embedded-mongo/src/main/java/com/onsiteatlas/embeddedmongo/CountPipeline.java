package com.onsiteatlas.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Answers the aggregation the MongoDB drivers send for {@code countDocuments}
 * ({@code $match}, optional {@code $skip} and {@code $limit}, then {@code $group: {_id:
 * 1, n: {$sum: 1}}}) by counting the stored documents that match. mongo-java-server runs
 * every pipeline over a copy of every document of the collection, so each count of a page
 * total or a queue length copied the whole collection.
 */
final class CountPipeline {

	private static final Document COUNT_GROUP = new Document("_id", 1).append("n", new Document("$sum", 1));

	private final Document match;

	private final int skip;

	private final int limit;

	private CountPipeline(Document match, int skip, int limit) {
		this.match = match;
		this.skip = skip;
		this.limit = limit;
	}

	/**
	 * The count an {@code aggregate} command asks for, if it is the drivers' count
	 * pipeline and nothing else (no collation, no other stage).
	 * @param command the {@code aggregate} command
	 * @return the count, or {@code null} to run the command as it is
	 */
	static CountPipeline of(Document command) {
		if (!(command.get("pipeline") instanceof List<?> stages) || stages.size() < 2
				|| command.containsKey("collation") || !(command.get("aggregate") instanceof String)) {
			return null;
		}
		Document match = stage(stages.get(0), "$match") instanceof Document filter ? filter : null;
		if (match == null || !COUNT_GROUP.equals(stage(stages.get(stages.size() - 1), "$group"))) {
			return null;
		}
		int skip = 0;
		int limit = 0;
		for (Object between : stages.subList(1, stages.size() - 1)) {
			Object skipValue = stage(between, "$skip");
			Object limitValue = stage(between, "$limit");
			if (skipValue instanceof Number number && skip == 0 && limit == 0) {
				skip = number.intValue();
			}
			else if (limitValue instanceof Number number && limit == 0) {
				limit = number.intValue();
			}
			else {
				return null;
			}
		}
		return new CountPipeline(match, skip, limit);
	}

	/**
	 * The reply MongoDB gives: one {@code {_id: 1, n}} document, none when nothing
	 * matched.
	 * @param collection the collection counted, or {@code null} when it does not exist
	 * @param namespace the collection's full name
	 * @return the reply
	 */
	Document answer(MongoCollection<?> collection, String namespace) {
		int count = (collection != null) ? collection.count(this.match, this.skip, this.limit) : 0;
		List<Document> batch = (count > 0) ? List.of(new Document("_id", 1).append("n", count)) : List.of();
		Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
		return new Document("cursor", cursor).append("ok", 1.0);
	}

	// The value of a stage document with exactly one key, the given one.
	private static Object stage(Object stage, String name) {
		return (stage instanceof Document document && document.size() == 1) ? document.get(name) : null;
	}

}
