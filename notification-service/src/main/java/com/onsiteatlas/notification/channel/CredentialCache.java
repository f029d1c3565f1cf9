package com.onsiteatlas.notification.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded, least-recently-used cache of per-credential provider objects (SMTP sessions
 * and pools, Twilio clients). Keyed by a SHA-256 digest of the whole credential tuple, so
 * neither the secret nor a weak hash of it sits in the key, and two credentials never
 * share an entry by a hash collision; bounded, so that many events, or one organiser
 * changing a password in a loop, cannot grow it without end. An entry pushed out is
 * handed to a closer.
 *
 * @param <V> what is cached
 */
final class CredentialCache<V> {

	private final int capacity;

	private final Consumer<V> closer;

	private final LinkedHashMap<String, V> entries;

	CredentialCache(int capacity, Consumer<V> closer) {
		this.capacity = capacity;
		this.closer = closer;
		this.entries = new LinkedHashMap<>(16, 0.75f, true);
	}

	/**
	 * The key of a credential tuple: SHA-256 over every part, each prefixed by its length
	 * so that no two tuples give the same input.
	 * @param parts host, port, user, secret...; nulls allowed
	 * @return hex digest
	 */
	static String key(Object... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Object part : parts) {
				byte[] bytes = (part != null) ? String.valueOf(part).getBytes(StandardCharsets.UTF_8) : new byte[0];
				String length = (part != null) ? bytes.length + ":" : "-:";
				sha.update(length.getBytes(StandardCharsets.UTF_8));
				sha.update(bytes);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The cached value, created when absent; the least recently used entry is closed when
	 * the cache is full.
	 * @param key a {@link #key} digest
	 * @param create makes the value
	 * @return the value
	 */
	V get(String key, Supplier<V> create) {
		List<V> evicted = new ArrayList<>(1);
		V value;
		synchronized (this.entries) {
			value = this.entries.get(key);
			if (value == null) {
				value = create.get();
				this.entries.put(key, value);
				while (this.entries.size() > this.capacity) {
					Map.Entry<String, V> eldest = this.entries.entrySet().iterator().next();
					evicted.add(eldest.getValue());
					this.entries.remove(eldest.getKey());
				}
			}
		}
		evicted.forEach(this.closer);
		return value;
	}

	/**
	 * The cached value without creating one.
	 * @param key a {@link #key} digest
	 * @return the value or null
	 */
	V peek(String key) {
		synchronized (this.entries) {
			return this.entries.get(key);
		}
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	/** Closes and forgets every entry. */
	void clear() {
		List<V> all;
		synchronized (this.entries) {
			all = new ArrayList<>(this.entries.values());
			this.entries.clear();
		}
		all.forEach(this.closer);
	}

}
