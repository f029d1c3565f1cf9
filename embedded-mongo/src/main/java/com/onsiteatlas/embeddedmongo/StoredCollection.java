package com.onsiteatlas.embeddedmongo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection in an H2 MVStore, as mongo-java-server's {@code H2Collection} keeps it
 * (same maps, same keys, the size in the meta map under the same name), with three
 * differences:
 * <ul>
 * <li>documents are held as {@link StoredDocument}s, encoded once per write rather than
 * once per write of their page;</li>
 * <li>readers get copies, never the stored instances (mongo-java-server changes what it
 * reads in place);</li>
 * <li>a query with an {@code _id} equality looks the candidates up in the {@code _id}
 * index ({@link IdLookup}) instead of scanning.</li>
 * </ul>
 * Every change happens under the collection's lock
 * ({@link AbstractSynchronizedMongoCollection}).
 */
final class StoredCollection extends AbstractSynchronizedMongoCollection<Object> {

	// H2Collection's key, so that files keep their figure.
	private static final String DATA_SIZE_KEY = "dataSize";

	private final MVMap<Object, StoredDocument> data;

	private final MVMap<String, Object> meta;

	private final Comparator<Object> ascending;

	StoredCollection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, StoredDocument> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, cursorRegistry);
		this.data = data;
		this.meta = meta;
		this.ascending = data.getKeyType()::compare;
		this.meta.putIfAbsent(DATA_SIZE_KEY, 0L);
	}

	@Override
	protected void updateDataSize(int sizeDelta) {
		synchronized (this.meta) {
			long size = ((Number) this.meta.get(DATA_SIZE_KEY)).longValue();
			this.meta.put(DATA_SIZE_KEY, size + sizeDelta);
		}
	}

	@Override
	protected int getDataSize() {
		return ((Number) this.meta.get(DATA_SIZE_KEY)).intValue();
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		StoredDocument previous = this.data.putIfAbsent(Missing.ofNullable(key), StoredDocument.of(document));
		if (previous != null) {
			throw new IllegalStateException("Document with key '" + key + "' already exists in " + this);
		}
		return key;
	}

	@Override
	public int count() {
		return this.data.size();
	}

	@Override
	public boolean isEmpty() {
		return this.data.isEmpty();
	}

	@Override
	protected Document getDocument(Object position) {
		StoredDocument stored = this.data.get(position);
		return (stored != null) ? stored.copy() : null;
	}

	@Override
	protected void removeDocument(Object position) {
		if (this.data.remove(position) == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		this.data.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return this.data.entrySet()
			.stream()
			.map((entry) -> new DocumentWithPosition<>(entry.getValue().copy(), entry.getKey()));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		// Matched, sorted, skipped and limited on the stored documents, so that only the
		// documents returned are copied (a sorted page of 100 out of 10,000 matches
		// copies
		// 100); what follows gets no query to match again and nothing left to sort.
		Stream<Document> matches = scan(orderBy).filter((document) -> documentMatchesQuery(document, query));
		Comparator<Document> order = deriveComparator(orderBy);
		if (order != null && limit > 0) {
			matches = TopDocuments.first(matches, order, Math.max(0, numberToSkip) + limit);
		}
		else if (order != null) {
			matches = matches.sorted(order);
		}
		if (numberToSkip > 0) {
			matches = matches.skip(numberToSkip);
		}
		if (limit > 0) {
			matches = matches.limit(limit);
		}
		return matchDocumentsFromStream(new Document(), matches.map(Document::cloneDeeply), 0, 0, batchSize, null,
				fieldSelector);
	}

	/**
	 * Counts the documents a query matches, skipped and limited, without copying any.
	 * @param query the filter
	 * @param skip documents to leave out first
	 * @param limit the most to count, none when 0 or less
	 * @return the count
	 */
	@Override
	public synchronized int count(Document query, int skip, int limit) {
		if (query.isEmpty()) {
			return clamp(this.data.size(), skip, limit);
		}
		Supplier<Comparator<Object>> scanOrder = () -> this.ascending;
		List<Object> positions = IdLookup.candidates(query, getIdField(), getIndexes(), scanOrder);
		Stream<Document> candidates = (positions != null)
				? positions.stream().map(this.data::get).filter(Objects::nonNull).map(StoredDocument::view)
				: scan(null);
		return clamp(candidates.filter((document) -> documentMatchesQuery(document, query)).count(), skip, limit);
	}

	private static int clamp(long matched, int skip, int limit) {
		long counted = Math.max(0, matched - Math.max(0, skip));
		return (int) ((limit > 0) ? Math.min(counted, limit) : counted);
	}

	// The stored documents, never to be changed or handed out, in the data map's key
	// order or in ValueComparator.desc() order for $natural: -1, as H2Collection scans.
	private Stream<Document> scan(Document orderBy) {
		Stream<StoredDocument> stored = isNaturalDescending(orderBy) ? this.data.entrySet()
			.stream()
			.sorted((first, second) -> ValueComparator.desc().compare(first.getKey(), second.getKey()))
			.map(Map.Entry::getValue) : this.data.values().stream();
		return stored.map(StoredDocument::view);
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		// A scan meets the documents in the data map's key order, or by
		// ValueComparator.desc() for $natural: -1 (see matchDocuments).
		Supplier<Comparator<Object>> scanOrder = () -> isNaturalDescending(orderBy) ? ValueComparator.desc()
				: this.ascending;
		List<Object> positions = IdLookup.candidates(query, getIdField(), getIndexes(), scanOrder);
		if (positions == null) {
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

}
