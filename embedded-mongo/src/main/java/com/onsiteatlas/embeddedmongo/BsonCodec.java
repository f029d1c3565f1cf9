package com.onsiteatlas.embeddedmongo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * Stored documents, ids and index keys as BSON, the encoding the wire already uses, in
 * place of the Java serialization H2's default data type falls back to. Every entry is a
 * length, a format byte and the bytes; anything BSON cannot hold (nothing the server
 * stores today) is Java-serialized under its own format byte, as before.
 */
final class BsonCodec {

	private static final byte BSON = 1;

	private static final byte JAVA_SERIALIZED = 2;

	// BSON's end-of-object byte, never a value's type: marks Missing.
	private static final byte MISSING = 0;

	private static final int RETAINED_BUFFER_BYTES = 1 << 20;

	private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	private BsonCodec() {
	}

	/**
	 * A document's stored entry: the format byte and the document's bytes, as
	 * {@link StoredDocument} keeps them and H2 writes them (behind their length).
	 * @param document the document
	 * @return its entry
	 */
	static byte[] encodeDocument(Document document) {
		ByteBuf out = encode(document, (value, buffer) -> BsonEncoder.encodeDocument(value, buffer));
		byte[] entry = new byte[out.readableBytes()];
		out.getBytes(out.readerIndex(), entry);
		release(out);
		return entry;
	}

	/**
	 * The document of an entry made by {@link #encodeDocument}.
	 * @param entry the entry
	 * @return a new document
	 */
	static Document decodeDocument(byte[] entry) {
		return (Document) decode(ByteBuffer.wrap(entry), BsonDecoder::decodeBson);
	}

	static void writeEntry(WriteBuffer target, byte[] entry) {
		target.putVarInt(entry.length).put(entry);
	}

	static byte[] readEntry(ByteBuffer source) {
		int length = DataUtils.readVarInt(source);
		byte[] entry = new byte[length];
		source.get(entry);
		return entry;
	}

	static void writeValue(WriteBuffer target, Object value) {
		write(target, value, BsonCodec::encodeValue);
	}

	static Object readValue(ByteBuffer source) {
		return read(source, BsonCodec::decodeValue);
	}

	static void writeKey(WriteBuffer target, KeyValue key) {
		write(target, key, (value, out) -> {
			out.writeIntLE(value.size());
			for (Object part : value) {
				encodeValue(part, out);
			}
		});
	}

	static KeyValue readKey(ByteBuffer source) {
		return (KeyValue) read(source, in -> {
			int size = in.readIntLE();
			List<Object> parts = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				parts.add(decodeValue(in));
			}
			return new KeyValue(parts);
		});
	}

	private static void encodeValue(Object value, ByteBuf out) {
		if (value instanceof Missing) {
			out.writeByte(MISSING);
			return;
		}
		byte type = BsonEncoder.determineType(value);
		out.writeByte(type);
		BsonEncoder.encodeValue(type, value, out);
	}

	private static Object decodeValue(ByteBuf in) {
		byte type = in.readByte();
		return (type == MISSING) ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
	}

	private static <T> void write(WriteBuffer target, T value, Encoder<T> encoder) {
		ByteBuf out = encode(value, encoder);
		int length = out.readableBytes();
		target.putVarInt(length).put(out.array(), out.arrayOffset() + out.readerIndex(), length);
		release(out);
	}

	// The format byte and the value's bytes, in this thread's buffer until release.
	private static <T> ByteBuf encode(T value, Encoder<T> encoder) {
		ByteBuf out = BUFFERS.get();
		out.clear();
		out.writeByte(BSON);
		try {
			encoder.encode(value, out);
		}
		catch (IllegalArgumentException | ClassCastException notBson) {
			out.clear();
			out.writeByte(JAVA_SERIALIZED);
			out.writeBytes(javaSerialized(value));
		}
		return out;
	}

	private static void release(ByteBuf out) {
		if (out.capacity() > RETAINED_BUFFER_BYTES) {
			BUFFERS.remove();
		}
	}

	private static Object read(ByteBuffer source, Decoder decoder) {
		int length = DataUtils.readVarInt(source);
		int start = source.position();
		source.position(start + length);
		return decode(source.slice(start, length), decoder);
	}

	// An entry: the format byte, then the bytes.
	private static Object decode(ByteBuffer entry, Decoder decoder) {
		byte format = entry.get(0);
		ByteBuffer bytes = entry.slice(1, entry.remaining() - 1);
		if (format == JAVA_SERIALIZED) {
			return javaDeserialized(bytes);
		}
		return decoder.decode(Unpooled.wrappedBuffer(bytes));
	}

	private static byte[] javaSerialized(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static Object javaDeserialized(ByteBuffer source) {
		byte[] bytes = new byte[source.remaining()];
		source.get(bytes);
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("A stored value names a class this server does not have", ex);
		}
	}

	@FunctionalInterface
	private interface Encoder<T> {

		void encode(T value, ByteBuf out);

	}

	@FunctionalInterface
	private interface Decoder {

		Object decode(ByteBuf in);

	}

}
