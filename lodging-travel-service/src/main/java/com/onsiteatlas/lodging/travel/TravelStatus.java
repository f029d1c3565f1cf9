package com.onsiteatlas.lodging.travel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import com.onsiteatlas.support.web.ApiException;

/**
 * How far the organisers have got with an itinerary; it moves forward only. The JSON and
 * the stored value are the lower-case wire values, as ONSITE ATLAS has them.
 */
public enum TravelStatus {

	/** Entered, not yet checked. */
	PENDING("pending"),

	/** Checked by the organisers. */
	CONFIRMED("confirmed"),

	/** Travelled. */
	COMPLETED("completed");

	private final String value;

	TravelStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return e.g. {@code confirmed}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The status of a wire value.
	 * @param value e.g. {@code completed}
	 * @return the status
	 * @throws ApiException a 400 naming the valid values when there is no such status
	 */
	@JsonCreator
	public static TravelStatus of(String value) {
		return find(value).orElseThrow(() -> ApiException.badRequest("status must be one of "
				+ Arrays.stream(values()).map(TravelStatus::value).collect(Collectors.joining(", "))));
	}

	private static Optional<TravelStatus> find(String value) {
		return Arrays.stream(values()).filter((status) -> status.value.equals(value)).findFirst();
	}

	/**
	 * Whether an itinerary in this status may move to another: it stays or moves forward
	 * (pending, confirmed, completed), never back.
	 * @param next the wanted status
	 * @return true when the move is allowed
	 */
	public boolean canBecome(TravelStatus next) {
		return next.ordinal() >= ordinal();
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * The converters that store a status as its wire value, so documents written before
	 * this enum existed still read.
	 * @return the writing and the reading converter
	 */
	public static List<Converter<?, ?>> mongoConverters() {
		return List.of(ToStored.INSTANCE, FromStored.INSTANCE);
	}

	@WritingConverter
	private enum ToStored implements Converter<TravelStatus, String> {

		INSTANCE;

		@Override
		public String convert(TravelStatus status) {
			return status.value();
		}

	}

	@ReadingConverter
	private enum FromStored implements Converter<String, TravelStatus> {

		INSTANCE;

		@Override
		public TravelStatus convert(String value) {
			return find(value).orElseThrow(() -> new IllegalStateException("Unknown stored travel status " + value));
		}

	}

}
