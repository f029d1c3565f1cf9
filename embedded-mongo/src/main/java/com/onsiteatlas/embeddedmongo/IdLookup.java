package com.onsiteatlas.embeddedmongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the candidates of a query through the {@code _id} index when the query pins the
 * {@code _id} by equality (directly, by {@code $eq} or {@code $in}, or inside a top-level
 * {@code $and}) but has more conditions than the index can answer, e.g. the guarded write
 * {@code {_id: x, $or: [...]}}. mongo-java-server 1.47 uses an index only for a query
 * that is exactly its key, so such a query scans the whole collection under the
 * collection's lock. Every document a query can match has its {@code _id} among the
 * candidates, so matching the full query against the candidates returns what a scan
 * returns; the candidates come in the order of a scan, so unsorted results keep their
 * order too.
 */
final class IdLookup {

	private static final String AND = "$and";

	private static final String EQ = "$eq";

	private static final String IN = "$in";

	private IdLookup() {
	}

	/**
	 * The positions to match the query against, or {@code null} to leave the query to the
	 * collection's own plan (an index that answers the whole query, or a scan).
	 * @param <P> the position type of the backend
	 * @param query the query
	 * @param idField the collection's id field, {@code null} when it has none
	 * @param indexes the collection's indexes
	 * @param scanOrder the order in which a scan meets the positions
	 * @return the candidate positions in scan order, or {@code null}
	 */
	static <P> List<P> candidates(Document query, String idField, List<Index<P>> indexes,
			Supplier<Comparator<P>> scanOrder) {
		if (idField == null || query == null || query.isEmpty()) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index.canHandle(query)) {
				return null;
			}
		}
		Object value = idEquality(query, idField);
		if (value == null) {
			return null;
		}
		Document idQuery = new Document(idField, value);
		Index<P> idIndex = idIndex(indexes, idField, idQuery);
		if (idIndex == null) {
			return null;
		}
		List<P> positions = new ArrayList<>();
		idIndex.getPositions(idQuery).forEach(positions::add);
		if (positions.size() > 1) {
			positions.sort(scanOrder.get());
		}
		return positions;
	}

	/**
	 * The value that pins the id: a plain value, or {@code {$in: [...]}} of plain values.
	 * @param query the query
	 * @param idField the id field
	 * @return the value to look up in the id index, or {@code null} when the query does
	 * not pin the id by equality
	 */
	static Object idEquality(Document query, String idField) {
		if (query.containsKey(idField)) {
			Object value = lookupValue(query.get(idField));
			if (value != null) {
				return value;
			}
		}
		// Spring Data's Criteria.where("_id").is(x).andOperator(...) and
		// new Criteria().andOperator(where("_id").is(x), ...) put the id in a top-level
		// $and.
		if (query.get(AND) instanceof Collection<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document document) {
					Object value = idEquality(document, idField);
					if (value != null) {
						return value;
					}
				}
			}
		}
		return null;
	}

	private static Object lookupValue(Object value) {
		if (value instanceof Document document) {
			Set<String> keys = document.keySet();
			if (keys.size() == 1 && keys.contains(EQ)) {
				Object operand = document.get(EQ);
				// {$eq: {...}} is a subdocument equality, which {_id: {...}} is too only
				// without operator keys; leave the rare operator-looking operand to the
				// scan.
				return (operand instanceof Document) ? lookupValue(operand) : plain(operand);
			}
			if (keys.size() == 1 && keys.contains(IN) && document.get(IN) instanceof Collection<?> values) {
				return values.stream().allMatch((element) -> plain(element) != null) ? document : null;
			}
			return (keys.stream().anyMatch((key) -> key.startsWith("$"))) ? null : document;
		}
		return plain(value);
	}

	/**
	 * A value that equals only itself: not missing or null (which match a missing field),
	 * not an array (which matches arrays and their elements), not a regular expression
	 * (which matches by pattern), not a subdocument with operators.
	 */
	private static Object plain(Object value) {
		if (value == null || value instanceof Collection || BsonRegularExpression.isRegularExpression(value)
				|| value instanceof java.util.regex.Pattern) {
			return null;
		}
		if (value instanceof Document document) {
			return document.keySet().stream().anyMatch((key) -> key.startsWith("$")) ? null : document;
		}
		return value;
	}

	private static <P> Index<P> idIndex(List<Index<P>> indexes, String idField, Document idQuery) {
		for (Index<P> index : indexes) {
			List<IndexKey> keys = index.getKeys();
			if (keys.size() == 1 && keys.get(0).getKey().equals(idField) && index.canHandle(idQuery)) {
				return index;
			}
		}
		return null;
	}

}
