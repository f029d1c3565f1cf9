package com.onsiteatlas.embeddedmongo;

import java.util.Comparator;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The order of the H2 maps' keys: MongoDB's order of values, with values it calls equal
 * but Java does not (which normalised index keys and unique ids never are) told apart by
 * type, so that two distinct keys never share a slot.
 */
final class StoreOrder {

	private static final Comparator<Object> MONGO_ORDER = ValueComparator.ascWithoutListHandling();

	private StoreOrder() {
	}

	static int compareValues(Object first, Object second) {
		if (first == second) {
			return 0;
		}
		int order = MONGO_ORDER.compare(first, second);
		if (order != 0 || Objects.equals(first, second)) {
			return order;
		}
		return typeName(first).compareTo(typeName(second));
	}

	static int compareKeys(KeyValue first, KeyValue second) {
		int fields = Math.min(first.size(), second.size());
		for (int i = 0; i < fields; i++) {
			int order = compareValues(first.get(i), second.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(first.size(), second.size());
	}

	private static String typeName(Object value) {
		return (value != null) ? value.getClass().getName() : "";
	}

}
