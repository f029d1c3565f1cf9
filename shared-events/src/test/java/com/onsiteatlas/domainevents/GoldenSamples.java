package com.onsiteatlas.domainevents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the golden samples under {@code golden/} on the test classpath. Other modules get
 * them through the {@code shared-events} test-jar and use them as consumer contract
 * tests.
 */
public final class GoldenSamples {

	private static final EventCodec CODEC = new EventCodec();

	private GoldenSamples() {
	}

	/**
	 * The classpath location of a sample.
	 * @param type the catalog entry
	 * @return e.g. {@code golden/registration-created.v1.json}
	 */
	public static String resource(EventType type) {
		return "golden/" + type.name() + ".v" + type.version() + ".json";
	}

	/**
	 * Whether a sample exists for a catalog entry.
	 * @param type the catalog entry
	 * @return true when the sample is on the classpath
	 */
	public static boolean exists(EventType type) {
		return GoldenSamples.class.getClassLoader().getResource(resource(type)) != null;
	}

	/**
	 * The sample's bytes, exactly as a producer would publish them.
	 * @param type the event type name
	 * @param version the payload version
	 * @return the JSON bytes
	 */
	public static byte[] bytes(String type, int version) {
		return bytes(EventCatalog.standard().find(type, version));
	}

	public static byte[] bytes(EventType type) {
		try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(resource(type))) {
			if (in == null) {
				throw new IllegalStateException("No golden sample " + resource(type));
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String json(String type, int version) {
		return new String(bytes(type, version), StandardCharsets.UTF_8);
	}

	/**
	 * The sample as a mutable tree, for tests that break or extend it.
	 * @param type the event type name
	 * @param version the payload version
	 * @return a fresh copy of the sample
	 */
	public static ObjectNode tree(String type, int version) {
		try {
			return (ObjectNode) CODEC.mapper().readTree(bytes(type, version));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The sample decoded.
	 * @param type the event type name
	 * @param version the payload version
	 * @param <T> the payload type
	 * @return the envelope with its typed payload
	 */
	@SuppressWarnings("unchecked")
	public static <T extends DomainEventPayload> EventEnvelope<T> envelope(String type, int version) {
		return (EventEnvelope<T>) CODEC.decode(bytes(type, version));
	}

}
