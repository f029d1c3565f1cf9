package com.onsiteatlas.support.wirevalue;

/**
 * An enum constant with a wire value: the lower-case string ({@code checked-in}) it has
 * in JSON (mark {@link #value()} {@code @JsonValue} in the enum) and in stored documents
 * ({@link WireValues#mongoConverters}).
 */
public interface WireValue {

	/**
	 * The wire value.
	 * @return e.g. {@code checked-in}
	 */
	String value();

}
