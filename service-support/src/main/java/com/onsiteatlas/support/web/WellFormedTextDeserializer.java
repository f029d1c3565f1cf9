package com.onsiteatlas.support.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Text fields must be well-formed Unicode. JSON can spell a lone UTF-16 surrogate
 * ({@code "\ud800"}), which no UTF-8 store can hold: MongoDB would keep a replacement
 * character instead, so the value read back would differ from the one accepted. Such text
 * is refused (400) instead of being altered silently.
 */
final class WellFormedTextDeserializer extends StdScalarDeserializer<String> {

	WellFormedTextDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		String value = StringDeserializer.instance.deserialize(parser, context);
		if (value != null && hasLoneSurrogate(value)) {
			throw InvalidFormatException.from(parser, "text contains an unpaired UTF-16 surrogate (not valid Unicode)",
					value, String.class);
		}
		return value;
	}

	static boolean hasLoneSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
