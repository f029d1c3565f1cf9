package com.onsiteatlas.support.messaging;

import java.util.List;

/**
 * The collections whose documents carry an {@code outbox} array. A service declares one
 * bean per feature that writes domain events; the relay watches all of them.
 *
 * @param names collection names
 */
public record OutboxCollections(List<String> names) {

	public static OutboxCollections of(String... names) {
		return new OutboxCollections(List.of(names));
	}

}
