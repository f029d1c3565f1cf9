package com.onsiteatlas.support.destination;

/**
 * An organiser-supplied destination that may not be reached; the message names the field
 * and says why, without any answer of the destination itself.
 */
public class DestinationRefusedException extends RuntimeException {

	private final String field;

	public DestinationRefusedException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The request field that named the destination.
	 * @return the field, e.g. {@code whatsapp.businessApiUrl}
	 */
	public String field() {
		return this.field;
	}

}
