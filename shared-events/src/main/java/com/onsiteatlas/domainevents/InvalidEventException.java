package com.onsiteatlas.domainevents;

/**
 * A message that cannot be turned into a known domain event. Subclasses say why, so
 * consumers can tell poison messages (dead-letter them) from messages they may simply
 * ignore.
 */
public abstract class InvalidEventException extends RuntimeException {

	protected InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether a consumer should send the message to a dead-letter topic rather than skip
	 * it.
	 * @return true for poison messages
	 */
	public abstract boolean isPoison();

	/**
	 * Not JSON, not an envelope, or a payload missing required fields or with wrong
	 * types.
	 */
	public static final class MalformedEventException extends InvalidEventException {

		public MalformedEventException(String message, Throwable cause) {
			super(message, cause);
		}

		@Override
		public boolean isPoison() {
			return true;
		}

	}

	/** A known type at a version this consumer does not understand. */
	public static final class UnsupportedEventVersionException extends InvalidEventException {

		public UnsupportedEventVersionException(String message) {
			super(message, null);
		}

		@Override
		public boolean isPoison() {
			return true;
		}

	}

	/**
	 * A type that is not in the catalog. Topics may carry types a consumer does not know
	 * yet; consumers tolerate them.
	 */
	public static final class UnknownEventTypeException extends InvalidEventException {

		public UnknownEventTypeException(String message) {
			super(message, null);
		}

		@Override
		public boolean isPoison() {
			return false;
		}

	}

}
