package com.onsiteatlas.notification.trigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates trigger conditions against a model (maps and lists, as the payload's JSON),
 * following dotted paths. All conditions must hold.
 */
final class Conditions {

	static final List<String> OPERATORS = List.of("equals", "not-equals", "contains", "not-contains", "greater-than",
			"less-than", "exists", "not-exists");

	private Conditions() {
	}

	static boolean all(List<NotificationTrigger.Condition> conditions, Map<String, Object> model) {
		return conditions.stream().allMatch((condition) -> holds(condition, model));
	}

	static boolean holds(NotificationTrigger.Condition condition, Map<String, Object> model) {
		Object actual = resolve(model, condition.field());
		Object expected = condition.value();
		return switch (condition.operator()) {
			case "equals" -> same(actual, expected);
			case "not-equals" -> !same(actual, expected);
			case "contains" -> contains(actual, expected);
			case "not-contains" -> !contains(actual, expected);
			case "greater-than" -> compare(actual, expected) > 0;
			case "less-than" -> compare(actual, expected) < 0 && compare(actual, expected) != Integer.MIN_VALUE;
			case "exists" -> actual != null && !(actual instanceof String string && string.isEmpty());
			case "not-exists" -> actual == null || (actual instanceof String string && string.isEmpty());
			default -> false;
		};
	}

	static Object resolve(Map<String, Object> model, String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		Object current = model;
		for (String part : path.split("\\.")) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(part);
			}
			else if (current instanceof List<?> list && part.matches("\\d+")) {
				int index = Integer.parseInt(part);
				current = (index < list.size()) ? list.get(index) : null;
			}
			else {
				return null;
			}
		}
		return current;
	}

	private static boolean same(Object actual, Object expected) {
		if (actual == null || expected == null) {
			return actual == expected;
		}
		BigDecimal a = number(actual);
		BigDecimal b = number(expected);
		if (a != null && b != null) {
			return a.compareTo(b) == 0;
		}
		if (actual instanceof Boolean || expected instanceof Boolean) {
			return String.valueOf(actual).equalsIgnoreCase(String.valueOf(expected));
		}
		return Objects.equals(String.valueOf(actual), String.valueOf(expected));
	}

	private static boolean contains(Object actual, Object expected) {
		if (actual == null || expected == null) {
			return false;
		}
		if (actual instanceof Collection<?> collection) {
			return collection.stream().anyMatch((item) -> same(item, expected));
		}
		return String.valueOf(actual).toLowerCase().contains(String.valueOf(expected).toLowerCase());
	}

	/**
	 * Compares numbers, or ISO dates, or strings; {@code MIN_VALUE} when incomparable.
	 */
	private static int compare(Object actual, Object expected) {
		if (actual == null || expected == null) {
			return Integer.MIN_VALUE;
		}
		BigDecimal a = number(actual);
		BigDecimal b = number(expected);
		if (a != null && b != null) {
			return Integer.signum(a.compareTo(b));
		}
		Instant x = instant(actual);
		Instant y = instant(expected);
		if (x != null && y != null) {
			return Integer.signum(x.compareTo(y));
		}
		return Integer.signum(String.valueOf(actual).compareTo(String.valueOf(expected)));
	}

	private static BigDecimal number(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof String string && string.matches("-?\\d+(\\.\\d+)?")) {
			return new BigDecimal(string);
		}
		return null;
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof String string) {
			try {
				return Instant.parse(string);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

}
