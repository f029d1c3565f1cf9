package com.onsiteatlas.legacyimport.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Reads the loosely typed values of legacy documents the way the Node library's
 * {@code idOf}, {@code dateOf} and {@code customFieldsOf} do: ids may be ObjectIds,
 * strings or populated documents, dates Dates or ISO strings, numbers any BSON number.
 */
final class LegacyValues {

	private LegacyValues() {
	}

	/**
	 * The id string of an ObjectId, a string id or a populated document's {@code _id}.
	 * @param value the stored value
	 * @return the 24-hex (or stored) string, null when absent
	 */
	static String id(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof ObjectId objectId) {
			return objectId.toHexString();
		}
		if (value instanceof Document document) {
			return id(document.containsKey("_id") ? document.get("_id") : document.get("id"));
		}
		return value.toString();
	}

	/**
	 * The reference as stored, for a look-up: the {@code _id} of a populated document,
	 * else the value itself.
	 * @param value the stored value
	 * @return the key to look up
	 */
	static Object reference(Object value) {
		return (value instanceof Document document) ? document.get("_id") : value;
	}

	static String text(Document document, String key) {
		Object value = (document != null) ? document.get(key) : null;
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	static Document child(Document document, String key) {
		Object value = (document != null) ? document.get(key) : null;
		return (value instanceof Document child) ? child : null;
	}

	/**
	 * A date, as JavaScript would read it, to the millisecond.
	 * @param document the document
	 * @param key the field
	 * @return the instant, null when absent
	 * @throws UnmappableDocumentException when the value is not a date
	 */
	static Instant instant(Document document, String key) {
		Object value = (document != null) ? document.get(key) : null;
		if (value == null || "".equals(value)) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Number number) {
			return Instant.ofEpochMilli(number.longValue());
		}
		String text = value.toString().strip();
		try {
			return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException notOffset) {
			try {
				return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
			}
			catch (DateTimeParseException notInstant) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException notDate) {
					throw new UnmappableDocumentException(key + " is not a date");
				}
			}
		}
	}

	/**
	 * When a document was created: {@code createdAt}, else its ObjectId's timestamp.
	 * @param document the document
	 * @return the instant, null when neither is known
	 */
	static Instant createdAt(Document document) {
		Instant createdAt = instant(document, "createdAt");
		if (createdAt != null) {
			return createdAt;
		}
		return (document.get("_id") instanceof ObjectId objectId) ? objectId.getDate().toInstant() : null;
	}

	/**
	 * A whole number (cents, counts).
	 * @param value the stored number
	 * @return the value, null when absent or not a number
	 */
	static Long whole(Object value) {
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue().setScale(0, RoundingMode.HALF_UP).longValueExact();
		}
		if (value instanceof Double || value instanceof Float) {
			return Math.round(((Number) value).doubleValue());
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		return null;
	}

	/**
	 * Major units (rupees) to cents, as {@code Math.round(x * 100)}.
	 * @param value the stored amount
	 * @return cents, null when absent or not a number
	 */
	static Long majorToCents(Object value) {
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.doubleValue())
				.movePointRight(2)
				.setScale(0, RoundingMode.HALF_UP)
				.longValueExact();
		}
		return null;
	}

	/**
	 * A mongoose {@code Map} or sub-document as plain JSON values: ids as strings, dates
	 * as ISO strings, decimals as numbers.
	 * @param document the stored map
	 * @return the map, empty when absent
	 */
	static Map<String, Object> plainMap(Document document) {
		Map<String, Object> plain = new LinkedHashMap<>();
		if (document != null) {
			document.forEach((key, value) -> plain.put(key, plain(value)));
		}
		return plain;
	}

	private static Object plain(Object value) {
		if (value instanceof ObjectId objectId) {
			return objectId.toHexString();
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue();
		}
		if (value instanceof Document document) {
			return plainMap(document);
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach((item) -> items.add(plain(item)));
			return items;
		}
		return value;
	}

}
