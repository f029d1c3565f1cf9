package com.onsiteatlas.embeddedmongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document's position in its collection (its {@code _id}, or {@code Missing}) as the
 * key of the data map and the value of a unique index, stored as one BSON value and
 * ordered as MongoDB orders values ({@link StoreOrder}).
 */
final class StoredValueType extends BasicDataType<Object> {

	private static final int ESTIMATE = 48;

	@Override
	public int getMemory(Object value) {
		return ESTIMATE;
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		BsonCodec.writeValue(buffer, value);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		return BsonCodec.readValue(buffer);
	}

	@Override
	public int compare(Object first, Object second) {
		return StoreOrder.compareValues(first, second);
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

}
