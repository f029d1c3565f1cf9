package com.onsiteatlas.embeddedmongo;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index (one value per indexed field) stored as BSON values and
 * compared field by field as MongoDB orders values. H2's default type cannot compare them
 * without Java-serializing both sides, which it did for every step of every lookup.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

	private static final int OVERHEAD = 40;

	private static final int PER_FIELD = 40;

	@Override
	public int getMemory(KeyValue key) {
		return OVERHEAD + PER_FIELD * key.size();
	}

	@Override
	public void write(WriteBuffer buffer, KeyValue key) {
		BsonCodec.writeKey(buffer, key);
	}

	@Override
	public KeyValue read(ByteBuffer buffer) {
		return BsonCodec.readKey(buffer);
	}

	@Override
	public int compare(KeyValue first, KeyValue second) {
		return StoreOrder.compareKeys(first, second);
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
