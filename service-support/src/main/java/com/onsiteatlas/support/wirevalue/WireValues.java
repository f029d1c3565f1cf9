package com.onsiteatlas.support.wirevalue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import com.onsiteatlas.support.web.ApiException;

/**
 * What every {@link WireValue} enum does the same way: find a constant by its wire value,
 * refuse an unknown one from a client with a 400 that lists the valid values, and store
 * constants as their wire values in MongoDB (so documents written before an enum existed
 * still read).
 */
public final class WireValues {

	private WireValues() {
	}

	/**
	 * The constant of a wire value.
	 * @param type the enum
	 * @param value e.g. {@code confirmed}, may be null
	 * @param <E> the enum type
	 * @return the constant, empty when there is none
	 */
	public static <E extends Enum<E> & WireValue> Optional<E> find(Class<E> type, String value) {
		return lookup(type, value).map(type::cast);
	}

	/**
	 * The constant of a wire value a client sent.
	 * @param type the enum
	 * @param value e.g. {@code confirmed}
	 * @param field the request field, for the message
	 * @param <E> the enum type
	 * @return the constant
	 * @throws ApiException a 400 "{@code field} must be one of ..." when there is none
	 */
	public static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value, String field) {
		return find(type, value).orElseThrow(() -> ApiException.badRequest(field + " must be one of " + joined(type)));
	}

	/**
	 * The wire values of an enum, in declaration order.
	 * @param type the enum
	 * @param <E> the enum type
	 * @return the values
	 */
	public static <E extends Enum<E> & WireValue> List<String> values(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(WireValue::value).toList();
	}

	private static Optional<? extends WireValue> lookup(Class<? extends WireValue> type, Object value) {
		return Arrays.stream(type.getEnumConstants()).filter((constant) -> constant.value().equals(value)).findFirst();
	}

	private static String joined(Class<? extends WireValue> type) {
		return Arrays.stream(type.getEnumConstants()).map(WireValue::value).collect(Collectors.joining(", "));
	}

	/**
	 * The MongoDB converters that write these enums as their wire values and read them
	 * back; a stored value that names no constant fails the read.
	 * @param types the enums
	 * @return a writing and a reading converter per enum, for
	 * {@code MongoCustomConversions}
	 */
	@SafeVarargs
	public static List<GenericConverter> mongoConverters(Class<? extends WireValue>... types) {
		List<GenericConverter> converters = new ArrayList<>();
		for (Class<? extends WireValue> type : types) {
			converters.add(new ToStored(type));
			converters.add(new FromStored(type));
		}
		return converters;
	}

	@WritingConverter
	private record ToStored(Class<? extends WireValue> type) implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(this.type, String.class));
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return (source != null) ? ((WireValue) source).value() : null;
		}

	}

	@ReadingConverter
	private record FromStored(Class<? extends WireValue> type) implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String.class, this.type));
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null) {
				return null;
			}
			return lookup(this.type, source).orElseThrow(() -> new IllegalStateException(
					"Unknown stored " + this.type.getSimpleName() + " " + source + "; one of " + joined(this.type)));
		}

	}

}
