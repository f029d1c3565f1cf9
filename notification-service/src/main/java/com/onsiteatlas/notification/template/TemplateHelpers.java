package com.onsiteatlas.notification.template;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;

/**
 * The helpers templates may call ({@code formatDate}, {@code money}, {@code upper},
 * {@code lower}, {@code eq}), formatting in the conference's time zone and locale, and
 * the built-in ones they may not (they read files, resource bundles or other templates).
 */
final class TemplateHelpers {

	/** Built-in helpers refused in templates. */
	static final List<String> FORBIDDEN = List.of("i18n", "i18nJs", "precompile", "embedded", "partial", "block",
			"include");

	private TemplateHelpers() {
	}

	/**
	 * Registers the helpers on a Handlebars instance and refuses the forbidden ones.
	 * @param handlebars the instance
	 * @return the same instance
	 */
	static Handlebars register(Handlebars handlebars) {
		Helper<Object> refuse = (context, options) -> {
			throw new IllegalArgumentException("The helper '" + options.helperName + "' is not available in templates");
		};
		FORBIDDEN.forEach((name) -> handlebars.registerHelper(name, refuse));
		handlebars.registerHelper("formatDate", TemplateHelpers::formatDate);
		handlebars.registerHelper("money", TemplateHelpers::money);
		handlebars.registerHelper("upper", (Helper<Object>) (value, options) -> (value != null)
				? value.toString().toUpperCase(locale(options)) : "");
		handlebars.registerHelper("lower", (Helper<Object>) (value, options) -> (value != null)
				? value.toString().toLowerCase(locale(options)) : "");
		handlebars.registerHelper("eq", (Helper<Object>) (value, options) -> {
			Object other = options.param(0, null);
			return (value == null) ? other == null : value.toString().equals(String.valueOf(other));
		});
		handlebars.setInfiniteLoops(false);
		return handlebars;
	}

	private static Object formatDate(Object value, Options options) {
		Instant instant = toInstant(value);
		if (instant == null) {
			return "";
		}
		ZoneId zone = zone(options);
		Locale locale = locale(options);
		String pattern = options.param(0, options.hash("pattern", null));
		DateTimeFormatter formatter = (pattern != null) ? DateTimeFormatter.ofPattern(pattern, locale)
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		return formatter.format(instant.atZone(zone));
	}

	private static Object money(Object value, Options options) {
		if (value == null) {
			return "";
		}
		BigDecimal cents;
		try {
			cents = new BigDecimal(value.toString());
		}
		catch (NumberFormatException ex) {
			return value.toString();
		}
		String currencyCode = options.param(0, null);
		NumberFormat format = NumberFormat.getCurrencyInstance(locale(options));
		if (currencyCode != null) {
			try {
				Currency currency = Currency.getInstance(currencyCode);
				format.setCurrency(currency);
				format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
				format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
			}
			catch (IllegalArgumentException ex) {
				return cents.movePointLeft(2).toPlainString() + " " + currencyCode;
			}
		}
		return format.format(cents.movePointLeft(2));
	}

	static Instant toInstant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (value instanceof String string && !string.isBlank()) {
			try {
				return Instant.parse(string);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

	private static ZoneId zone(Options options) {
		Object zone = options.context.get(TemplateEngine.ZONE_KEY);
		try {
			return (zone != null) ? ZoneId.of(zone.toString()) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	private static Locale locale(Options options) {
		Object locale = options.context.get(TemplateEngine.LOCALE_KEY);
		return (locale != null) ? Locale.forLanguageTag(locale.toString()) : Locale.US;
	}

}
