package com.onsiteatlas.embeddedmongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The documents of a collection's data map: each {@link StoredDocument}'s entry, written
 * as it is (BSON, see {@link BsonCodec}). The memory a document takes in H2's page cache
 * is counted as its entry and, once decoded, about twice that again; it must not depend
 * on whether it was decoded yet, since H2 adds and subtracts it at different times.
 */
final class StoredDocumentType extends BasicDataType<StoredDocument> {

	private static final int OBJECT_OVERHEAD = 64;

	@Override
	public int getMemory(StoredDocument document) {
		return OBJECT_OVERHEAD + 3 * document.entry().length;
	}

	@Override
	public void write(WriteBuffer buffer, StoredDocument document) {
		BsonCodec.writeEntry(buffer, document.entry());
	}

	@Override
	public StoredDocument read(ByteBuffer buffer) {
		return StoredDocument.fromEntry(BsonCodec.readEntry(buffer));
	}

	@Override
	public StoredDocument[] createStorage(int size) {
		return new StoredDocument[size];
	}

}
