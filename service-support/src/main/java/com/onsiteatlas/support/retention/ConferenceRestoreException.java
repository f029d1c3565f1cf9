package com.onsiteatlas.support.retention;

import org.springframework.http.HttpStatus;

import com.onsiteatlas.support.web.ApiException;

/**
 * A restore that cannot be done: the conference is not deleted, or already purged.
 */
public class ConferenceRestoreException extends ApiException {

	ConferenceRestoreException(HttpStatus status, String message) {
		super(status, message);
	}

}
