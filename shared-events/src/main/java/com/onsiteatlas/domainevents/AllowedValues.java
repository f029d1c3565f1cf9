package com.onsiteatlas.domainevents;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a string field may take on the wire. The JSON Schemas list them as an
 * {@code enum}; decoding does not enforce them, so a producer that adds a value does not
 * turn its events into poison for older consumers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface AllowedValues {

	/**
	 * The allowed values separated by {@code |}, in the order the documentation shows
	 * them, e.g. {@code "active|cancelled|no-show"}. One string rather than an array
	 * because the formatter mangles array values in record headers.
	 * @return the values
	 */
	String value();

}
