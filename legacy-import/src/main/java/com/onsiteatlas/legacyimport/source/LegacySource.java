package com.onsiteatlas.legacyimport.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The legacy database, read-only. Collections are read through a cursor sorted by
 * {@code _id} with a bounded batch size, so memory stays flat however large a conference
 * is, and a run can resume after the last {@code _id} it processed. Look-ups keep a small
 * bounded cache: conferences and categories repeat on every document, registrations
 * rarely.
 */
public final class LegacySource {

	private static final int CACHE_SIZE = 512;

	private final MongoDatabase database;

	private final Map<Object, Optional<Document>> conferences = lru(64);

	private final Map<Object, Optional<Document>> categories = lru(CACHE_SIZE);

	private final Map<Object, Optional<Document>> registrations = lru(CACHE_SIZE);

	public LegacySource(MongoDatabase database) {
		this.database = database;
	}

	/**
	 * How many documents a read would return.
	 * @param collection the collection
	 * @param after the last {@code _id} already processed, or null from the start
	 * @param eventId only this conference's documents, or null for all
	 * @return the count
	 */
	public long count(LegacyCollection collection, Object after, String eventId) {
		return collection(collection).countDocuments(filter(collection, after, eventId));
	}

	/**
	 * The documents of a collection in {@code _id} order.
	 * @param collection the collection
	 * @param after the last {@code _id} already processed, or null from the start
	 * @param eventId only this conference's documents, or null for all
	 * @param batchSize documents per round trip
	 * @return an open cursor; close it
	 */
	public MongoCursor<Document> read(LegacyCollection collection, Object after, String eventId, int batchSize) {
		return collection(collection).find(filter(collection, after, eventId))
			.sort(Sorts.ascending("_id"))
			.batchSize(batchSize)
			.iterator();
	}

	/**
	 * A conference ({@code Event}) without its unbounded {@code emailHistory}.
	 * @param id its {@code _id} as the referencing document stores it
	 * @return the conference, empty when unknown
	 */
	public Optional<Document> conference(Object id) {
		return cached(this.conferences, id,
				(key) -> Optional.ofNullable(collection(LegacyCollection.EVENTS).find(Filters.eq("_id", key))
					.projection(Projections.exclude("emailHistory"))
					.first()));
	}

	/**
	 * A registration category.
	 * @param id its {@code _id}
	 * @return the category, empty when unknown
	 */
	public Optional<Document> category(Object id) {
		return cached(this.categories, id, (key) -> Optional
			.ofNullable(this.database.getCollection("categories").find(Filters.eq("_id", key)).first()));
	}

	/**
	 * A registration.
	 * @param id its {@code _id}
	 * @return the registration, empty when unknown
	 */
	public Optional<Document> registration(Object id) {
		return cached(this.registrations, id, (key) -> Optional
			.ofNullable(collection(LegacyCollection.REGISTRATIONS).find(Filters.eq("_id", key)).first()));
	}

	private MongoCollection<Document> collection(LegacyCollection collection) {
		return this.database.getCollection(collection.collectionName());
	}

	private static Bson filter(LegacyCollection collection, Object after, String eventId) {
		List<Bson> parts = new ArrayList<>();
		if (after != null) {
			parts.add(Filters.gt("_id", after));
		}
		if (eventId != null) {
			// Legacy references are ObjectIds; a hand-made document may hold the hex
			// string.
			List<Object> ids = new ArrayList<>(List.of(eventId));
			if (ObjectId.isValid(eventId)) {
				ids.add(0, new ObjectId(eventId));
			}
			parts.add(Filters.in(collection.conferenceField(), ids));
		}
		return switch (parts.size()) {
			case 0 -> new Document();
			case 1 -> parts.get(0);
			default -> Filters.and(parts);
		};
	}

	private static Optional<Document> cached(Map<Object, Optional<Document>> cache, Object id,
			Function<Object, Optional<Document>> load) {
		if (id == null) {
			return Optional.empty();
		}
		return cache.computeIfAbsent(id, load);
	}

	private static <K, V> Map<K, V> lru(int size) {
		return new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > size;
			}
		};
	}

}
