package com.onsiteatlas.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The encoding of an MVStore's maps. Files written by mongo-java-server's own H2 backend
 * (Java-serialized documents and index keys) are rewritten once, map by map, in the BSON
 * encoding of {@link IdIndexedH2Backend}; a marker map records that it was done.
 */
final class StorageFormat {

	// '$' cannot appear in a database name, so no database's maps share this prefix.
	static final String MARKER_MAP = "$atlas.storage-format";

	static final String MARKER_KEY = "encoding";

	static final String CURRENT = "bson-1";

	private static final String DATA_PREFIX = "databases.";

	private static final String INDEX_INFIX = "._index_";

	private static final String REWRITING_PREFIX = "$atlas.rewriting.";

	private StorageFormat() {
	}

	static MVMap.Builder<Object, StoredDocument> documents() {
		return new MVMap.Builder<Object, StoredDocument>().keyType(new StoredValueType())
			.valueType(new StoredDocumentType());
	}

	static MVMap.Builder<KeyValue, Object> uniqueIndex() {
		return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()).valueType(new StoredValueType());
	}

	/**
	 * Rewrites the store's data and index maps in the current encoding unless its marker
	 * says they are, then commits. With auto-commit off (as {@link IdIndexedH2Backend}
	 * opens files) a crash part-way leaves the file as it was, and the next open starts
	 * again.
	 * @param store the store to bring up to date
	 * @return the same store
	 */
	static MVStore upgrade(MVStore store) {
		MVMap<String, String> marker = store.openMap(MARKER_MAP);
		if (CURRENT.equals(marker.get(MARKER_KEY))) {
			return store;
		}
		List<String> names = new ArrayList<>(store.getMapNames());
		for (String name : names) {
			if (name.startsWith(REWRITING_PREFIX)) {
				store.removeMap(name);
			}
			else if (name.startsWith(DATA_PREFIX)) {
				rewrite(store, name, documents(), (value) -> StoredDocument.of((Document) value));
			}
			else if (name.contains(INDEX_INFIX)) {
				rewrite(store, name, uniqueIndex(), Function.identity());
			}
		}
		marker.put(MARKER_KEY, CURRENT);
		store.commit();
		return store;
	}

	private static <K, V> void rewrite(MVStore store, String name, MVMap.Builder<K, V> encoding,
			Function<Object, Object> value) {
		MVMap<Object, Object> old = store.openMap(name);
		MVMap<K, V> rewritten = store.openMap(REWRITING_PREFIX + name, encoding);
		rewritten.clear();
		for (Map.Entry<Object, Object> entry : old.entrySet()) {
			rewritten.put(cast(entry.getKey()), cast(value.apply(entry.getValue())));
		}
		store.removeMap(old);
		store.renameMap(rewritten, name);
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

}
