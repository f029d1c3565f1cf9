package com.onsiteatlas.lodging.hotel;

import java.math.BigDecimal;
import java.util.Currency;

import com.onsiteatlas.support.web.ApiException;

/**
 * Converts a room price between major units ({@code price}, as the spec and ONSITE
 * ATLAS's client send it) and the minor units stored ({@code priceCents}), with the
 * currency's own number of decimals (two for INR, none for JPY).
 */
final class RoomPrices {

	private RoomPrices() {
	}

	static BigDecimal toMajorUnits(long minorUnits, String currency) {
		return BigDecimal.valueOf(minorUnits, decimals(currency));
	}

	/**
	 * The stored price of a room type request that gives {@code price},
	 * {@code priceCents}, both (they must agree) or neither.
	 * @param price major units, may be null
	 * @param priceCents minor units, may be null
	 * @param currency ISO 4217 code, may be null for INR
	 * @return minor units, or null without a price
	 * @throws ApiException a 400 for more decimals than the currency has, or two prices
	 * that disagree
	 */
	static Long toMinorUnits(BigDecimal price, Long priceCents, String currency) {
		if (price == null) {
			return priceCents;
		}
		int decimals = decimals(currency);
		if (price.stripTrailingZeros().scale() > decimals) {
			throw ApiException.badRequest("roomTypes.price: at most " + decimals + " decimal places for "
					+ currencyCode(currency) + ", got " + price.toPlainString());
		}
		long minor;
		try {
			minor = price.movePointRight(decimals).longValueExact();
		}
		catch (ArithmeticException ex) {
			throw ApiException.badRequest("roomTypes.price: " + price.toPlainString() + " is too large");
		}
		if (priceCents != null && priceCents != minor) {
			throw ApiException.badRequest("roomTypes: price " + price.toPlainString() + " and priceCents " + priceCents
					+ " disagree; send one of them");
		}
		return minor;
	}

	private static int decimals(String currency) {
		try {
			int digits = Currency.getInstance(currencyCode(currency)).getDefaultFractionDigits();
			return (digits >= 0) ? digits : 2;
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

	private static String currencyCode(String currency) {
		return (currency != null) ? currency : "INR";
	}

}
