package com.onsiteatlas.reporting.delivery;

/**
 * An upload that failed, in our words: the provider, the class of the failure and, when
 * the provider answered, its HTTP status. Never the provider's own text, since an
 * organiser chooses an S3 endpoint and its answers are not ours to pass on (a run's
 * {@code error} shows this message).
 */
public class UploadFailedException extends RuntimeException {

	private final UploadFailure failure;

	UploadFailedException(String provider, UploadFailure failure, Integer status) {
		super("Upload to " + provider + " failed: " + failure.value()
				+ ((status != null) ? " (HTTP " + status + ")" : ""));
		this.failure = failure;
	}

	/**
	 * The class of the failure.
	 * @return the class
	 */
	public UploadFailure failure() {
		return this.failure;
	}

}
