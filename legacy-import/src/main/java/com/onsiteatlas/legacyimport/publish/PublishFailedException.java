package com.onsiteatlas.legacyimport.publish;

/**
 * The broker refused or never acknowledged an event: the run stops without moving its
 * checkpoint, so the next run sends the same events (with the same ids) again.
 */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
