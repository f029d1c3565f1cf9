package com.onsiteatlas.reporting.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns values into cell text the same way in every format.
 */
final class CellText {

	private final DateTimeFormatter dates;

	private final DecimalFormat numbers;

	private final ZoneId zone;

	CellText(ExportOptions options) {
		this.zone = (options.timezone() != null) ? ZoneId.of(options.timezone()) : ZoneOffset.UTC;
		this.dates = (options.dateFormat() != null)
				? DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT).withZone(this.zone)
				: DateTimeFormatter.ISO_INSTANT;
		this.numbers = (options.numberFormat() != null)
				? new DecimalFormat(options.numberFormat(), DecimalFormatSymbols.getInstance(Locale.ROOT)) : null;
	}

	ZoneId zone() {
		return this.zone;
	}

	static Instant instant(Object value) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		return null;
	}

	String text(Object value) {
		if (value == null) {
			return "";
		}
		Instant instant = instant(value);
		if (instant != null) {
			return this.dates.format(instant);
		}
		if (value instanceof Number number) {
			if (this.numbers != null) {
				return this.numbers.format(number);
			}
			double asDouble = number.doubleValue();
			return (asDouble == Math.rint(asDouble) && Math.abs(asDouble) < 1e15) ? Long.toString((long) asDouble)
					: number.toString();
		}
		if (value instanceof Boolean bool) {
			return bool ? "Yes" : "No";
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).collect(Collectors.joining("; "));
		}
		return value.toString();
	}

	/**
	 * Neutralises text a spreadsheet would run as a formula (OWASP CSV injection): a
	 * leading {@code = + - @}, tab or carriage return gets a {@code '} in front.
	 * @param text cell text
	 * @return safe text
	 */
	static String safe(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

}
