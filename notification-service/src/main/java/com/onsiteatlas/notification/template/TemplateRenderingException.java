package com.onsiteatlas.notification.template;

/**
 * A template could not be rendered with the given data (a permanent failure of a send).
 */
public class TemplateRenderingException extends RuntimeException {

	TemplateRenderingException(String message, Throwable cause) {
		super(message, cause);
	}

}
