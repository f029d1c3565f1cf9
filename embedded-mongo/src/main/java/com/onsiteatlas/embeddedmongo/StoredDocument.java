package com.onsiteatlas.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A document as a collection's data map holds it: its encoded entry ({@link BsonCodec}),
 * made once when the document is written, and the document decoded from it when a query
 * first reads it.
 * <p>
 * H2 writes every document of a changed page each time it writes the page, so a document
 * whose neighbours change is written many times; keeping the entry makes each of those
 * writes a copy of bytes rather than an encoding. The decoded document is only ever
 * matched against: readers get copies ({@link #copy()}), since mongo-java-server changes
 * the documents it reads in place.
 */
final class StoredDocument {

	private final byte[] entry;

	private volatile Document decoded;

	private StoredDocument(byte[] entry, Document decoded) {
		this.entry = entry;
		this.decoded = decoded;
	}

	/**
	 * The stored form of a document, encoded now; later changes to the given instance do
	 * not reach it.
	 * @param document the document to store
	 * @return the stored document
	 */
	static StoredDocument of(Document document) {
		return new StoredDocument(BsonCodec.encodeDocument(document), null);
	}

	/**
	 * A stored document read back from its entry, decoded when first needed.
	 * @param entry the entry as {@link BsonCodec#readEntry} returns it
	 * @return the stored document
	 */
	static StoredDocument fromEntry(byte[] entry) {
		return new StoredDocument(entry, null);
	}

	byte[] entry() {
		return this.entry;
	}

	/**
	 * The document to match queries against, decoded once and kept: never to be changed
	 * or handed out.
	 * @return the shared decoded document
	 */
	Document view() {
		Document document = this.decoded;
		if (document == null) {
			document = BsonCodec.decodeDocument(this.entry);
			this.decoded = document;
		}
		return document;
	}

	/**
	 * A copy of the document the caller may change.
	 * @return a new document
	 */
	Document copy() {
		Document document = this.decoded;
		return (document != null) ? document.cloneDeeply() : BsonCodec.decodeDocument(this.entry);
	}

}
