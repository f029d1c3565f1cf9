package com.onsiteatlas.lodging.document;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * An upload whose body is not read yet: its declared length, known from the headers, and
 * the form, read only when subscribed to. Quotas and the upload bound are checked before
 * the form is read, so that a refused upload costs neither a temporary file nor a read.
 *
 * @param declaredBytes the request's {@code Content-Length}, -1 when not declared
 * @param form the multipart form, read when subscribed to
 */
public record IncomingUpload(long declaredBytes, Mono<UploadForm> form) {

	/**
	 * The upload of a request.
	 * @param exchange the exchange
	 * @return the upload, its body not read yet
	 */
	public static IncomingUpload of(ServerWebExchange exchange) {
		return new IncomingUpload(exchange.getRequest().getHeaders().getContentLength(), UploadForm.read(exchange));
	}

}
