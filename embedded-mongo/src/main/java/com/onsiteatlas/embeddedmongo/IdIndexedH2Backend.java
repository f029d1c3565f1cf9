package com.onsiteatlas.embeddedmongo;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend, with collections that look a query with an
 * {@code _id} equality up in the {@code _id} index before matching the rest of it (see
 * {@link IdLookup}). Same results and the same file layout as {@link H2Backend}, so files
 * written by either open with the other.
 */
public class IdIndexedH2Backend extends H2Backend {

	// H2Database's map names; they must stay equal so that existing files keep their
	// data.
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	/**
	 * A backend on the given MVStore file, created when missing.
	 * @param fileName the {@code .mv.db} file
	 */
	public IdIndexedH2Backend(String fileName) {
		super(fileName);
	}

	/**
	 * A backend on an open MVStore.
	 * @param mvStore the store, e.g. {@code MVStore.open(null)} for one in memory
	 */
	public IdIndexedH2Backend(MVStore mvStore) {
		super(mvStore);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName, getMvStore(), getCursorRegistry());
	}

	private static final class Database extends H2Database {

		// Set after H2Database's constructor, which must not open collections before it
		// is.
		private final MVStore store;

		Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
			super(databaseName, mvStore, cursorRegistry);
			this.store = mvStore;
			super.initializeNamespacesAndIndexes();
		}

		@Override
		protected void initializeNamespacesAndIndexes() {
			// H2Database's constructor calls this before this.store is set; the
			// constructor
			// above calls it again once it is.
			if (this.store != null) {
				super.initializeNamespacesAndIndexes();
			}
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> dataMap = this.store.openMap(DATA_PREFIX + fullName);
			MVMap<String, Object> metaMap = this.store.openMap(META_PREFIX + fullName);
			return new Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
		}

	}

	private static final class Collection extends H2Collection {

		private final Comparator<Object> ascending;

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
			this.ascending = dataMap.getKeyType()::compare;
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			// A scan meets the documents in the data map's key order, or by
			// ValueComparator.desc()
			// for $natural: -1 (see H2Collection.matchDocuments).
			Supplier<Comparator<Object>> scanOrder = () -> isNaturalDescending(orderBy) ? ValueComparator.desc()
					: this.ascending;
			List<Object> positions = IdLookup.candidates(query, getIdField(), getIndexes(), scanOrder);
			if (positions == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
