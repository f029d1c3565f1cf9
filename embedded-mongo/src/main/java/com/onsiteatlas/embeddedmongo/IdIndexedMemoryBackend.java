package com.onsiteatlas.embeddedmongo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's in-memory backend, with collections that look a query with an
 * {@code _id} equality up in the {@code _id} index before matching the rest of it (see
 * {@link IdLookup}). Same results as {@link MemoryBackend}, without scanning the
 * collection.
 */
public class IdIndexedMemoryBackend extends MemoryBackend {

	/**
	 * A backend on the system clock.
	 */
	public IdIndexedMemoryBackend() {
		super();
	}

	/**
	 * A backend on the given clock.
	 * @param clock the clock for {@code $currentDate} and the like
	 */
	public IdIndexedMemoryBackend(Clock clock) {
		super(clock);
	}

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getCursorRegistry());
	}

	private static final class Database extends MemoryDatabase {

		Database(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new Collection(this, collectionName, options, this.cursorRegistry);
		}

	}

	private static final class Collection extends MemoryCollection {

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			// A scan meets the documents by ascending position (descending for $natural:
			// -1).
			Supplier<Comparator<Integer>> scanOrder = () -> isNaturalDescending(orderBy) ? Comparator.reverseOrder()
					: Comparator.naturalOrder();
			List<Integer> positions = IdLookup.candidates(query, getIdField(), getIndexes(), scanOrder);
			if (positions == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
