package com.onsiteatlas.support.paging;

/**
 * A page request the client got wrong ({@code page}, {@code limit} or {@code sortBy});
 * the web layer answers it with 400 and this message.
 */
public class InvalidPageQueryException extends RuntimeException {

	public InvalidPageQueryException(String message) {
		super(message);
	}

}
