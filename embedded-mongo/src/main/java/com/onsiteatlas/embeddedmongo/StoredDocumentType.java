package com.onsiteatlas.embeddedmongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The documents of a collection's data map, stored as BSON ({@link BsonCodec}). The
 * memory a document takes in H2's page cache is estimated from the average size written
 * so far, so that an estimate never costs an encoding.
 */
final class StoredDocumentType extends BasicDataType<Document> {

	private static final int INITIAL_ESTIMATE = 512;

	private static final int OBJECT_OVERHEAD = 64;

	private volatile int averageSize = INITIAL_ESTIMATE;

	@Override
	public int getMemory(Document document) {
		return OBJECT_OVERHEAD + 2 * this.averageSize;
	}

	@Override
	public void write(WriteBuffer buffer, Document document) {
		int size = BsonCodec.writeDocument(buffer, document);
		this.averageSize = (15 * this.averageSize + size) / 16;
	}

	@Override
	public Document read(ByteBuffer buffer) {
		return BsonCodec.readDocument(buffer);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

}
