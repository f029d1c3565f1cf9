package com.onsiteatlas.embeddedmongo;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
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
 * {@link IdLookup}), and documents, ids and index keys stored as BSON instead of
 * Java-serialized ({@link StorageFormat}): H2's default type serialized both sides of
 * every index key comparison. Same results and the same map names as {@link H2Backend}; a
 * file written by {@link H2Backend} is rewritten in the new encoding when first opened,
 * after which {@link H2Backend} can no longer read it.
 */
public class IdIndexedH2Backend extends H2Backend {

	// H2Database's map names; they must stay equal so that existing files keep their
	// data.
	private static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	// Unsaved changes that make H2 write before its 1 s delay is up: 16 MB instead of
	// 1 MB, so that a burst of writes rewrites each changed page once per second rather
	// than many times (every write of a page encodes all its documents again).
	private static final int AUTO_COMMIT_BUFFER_KB = 16 * 1024;

	/**
	 * A backend on the given MVStore file, created when missing.
	 * @param fileName the {@code .mv.db} file
	 */
	public IdIndexedH2Backend(String fileName) {
		super(openUpgraded(fileName));
	}

	/**
	 * A backend on an open MVStore.
	 * @param mvStore the store, e.g. {@code MVStore.open(null)} for one in memory
	 */
	public IdIndexedH2Backend(MVStore mvStore) {
		super(StorageFormat.upgrade(mvStore));
	}

	// Auto-commit stays off until the file is in the current encoding, so that a crash
	// while rewriting it leaves the last committed version; then H2's default delay.
	private static MVStore openUpgraded(String fileName) {
		MVStore store = new MVStore.Builder().fileName(fileName)
			.autoCommitDisabled()
			.autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB)
			.open();
		int defaultDelay = 1000;
		try {
			StorageFormat.upgrade(store);
		}
		catch (RuntimeException ex) {
			store.closeImmediately();
			throw ex;
		}
		store.setAutoCommitDelay(defaultDelay);
		return store;
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
			MVMap<Object, Document> dataMap = this.store.openMap(DATA_PREFIX + fullName, StorageFormat.documents());
			MVMap<String, Object> metaMap = this.store.openMap(META_PREFIX + fullName);
			return new Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			// H2Database's map name for an index, which its dropIndex and drop remove.
			String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			MVMap<KeyValue, Object> map = this.store.openMap(mapName, StorageFormat.uniqueIndex());
			return new StoredUniqueIndex(map, indexName, keys, sparse);
		}

	}

	/**
	 * Hands out copies of the stored documents, never the instances in H2's pages:
	 * mongo-java-server updates a document it read in place before putting it back, and
	 * H2's background writer may be encoding that same instance at that moment (a
	 * {@code ConcurrentModificationException} there closes the store for good).
	 */
	private static final class Collection extends H2Collection {

		private final Comparator<Object> ascending;

		private final MVMap<Object, Document> data;

		Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
			this.ascending = dataMap.getKeyType()::compare;
			this.data = dataMap;
		}

		@Override
		protected Document getDocument(Object position) {
			Document stored = this.data.get(position);
			return (stored != null) ? stored.cloneDeeply() : null;
		}

		@Override
		protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
			return this.data.entrySet()
				.stream()
				.map((entry) -> new DocumentWithPosition<>(entry.getValue().cloneDeeply(), entry.getKey()));
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			// H2Collection's scan, on copies of the documents that match (reading the
			// stored instances is safe: every change happens under this collection's
			// lock).
			Stream<Document> documents;
			if (isNaturalDescending(orderBy)) {
				documents = this.data.entrySet()
					.stream()
					.filter((entry) -> documentMatchesQuery(entry.getValue(), query))
					.sorted((first, second) -> ValueComparator.desc().compare(first.getKey(), second.getKey()))
					.map((entry) -> entry.getValue().cloneDeeply());
			}
			else {
				documents = this.data.values()
					.stream()
					.filter((document) -> documentMatchesQuery(document, query))
					.map(Document::cloneDeeply);
			}
			return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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
