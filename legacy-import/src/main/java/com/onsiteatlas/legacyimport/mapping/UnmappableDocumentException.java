package com.onsiteatlas.legacyimport.mapping;

/**
 * A legacy document (or one fact of it) that cannot become a valid event. Its message is
 * the reason the run counts, so it names the problem, not the document.
 */
public class UnmappableDocumentException extends RuntimeException {

	public UnmappableDocumentException(String reason) {
		super(reason);
	}

}
