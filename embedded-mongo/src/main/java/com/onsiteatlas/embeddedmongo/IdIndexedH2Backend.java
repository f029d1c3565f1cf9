package com.onsiteatlas.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend, with {@link StoredCollection}s (documents
 * encoded once per write, copies to readers, {@code _id} look-ups), and documents, ids
 * and index keys stored as BSON instead of Java-serialized ({@link StorageFormat}): H2's
 * default type serialized both sides of every index key comparison. Same results and the
 * same map names as {@link H2Backend}; a file written by {@link H2Backend} is rewritten
 * in the new encoding when first opened, after which {@link H2Backend} can no longer read
 * it.
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
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			CountPipeline count = "aggregate".equals(command) ? CountPipeline.of(query) : null;
			if (count != null) {
				String collectionName = (String) query.get("aggregate");
				return count.answer(resolveCollection(collectionName, false),
						getFullCollectionNamespace(collectionName));
			}
			return super.handleCommand(channel, command, query, databaseResolver, oplog);
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, StoredDocument> dataMap = this.store.openMap(DATA_PREFIX + fullName,
					StorageFormat.documents());
			MVMap<String, Object> metaMap = this.store.openMap(META_PREFIX + fullName);
			return new StoredCollection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
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

}
