package com.onsiteatlas.gateway.errors;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link ErrorBody} response with {@code Content-Type: application/json}.
 * Headers already on the response other than CORS, {@code Vary}, rate limit and
 * correlation headers are dropped, so nothing from a half-finished upstream exchange
 * leaks into the error.
 */
@Component
public class JsonErrorResponder {

	private static final List<String> KEPT_HEADER_PREFIXES = List.of("access-control-", "vary", "ratelimit-",
			"retry-after", "x-correlation-id");

	private final ObjectMapper objectMapper;

	public JsonErrorResponder(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * Writes the error unless the response is already committed.
	 * @param exchange the exchange
	 * @param status the status
	 * @param message the message
	 * @return completion, or an {@link IllegalStateException} if the response is already
	 * committed
	 */
	public Mono<Void> respond(ServerWebExchange exchange, HttpStatusCode status, String message) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(new IllegalStateException("Response already committed, cannot send " + status));
		}
		byte[] body;
		try {
			body = this.objectMapper.writeValueAsBytes(ErrorBody.of(message));
		}
		catch (JsonProcessingException ex) {
			return Mono.error(ex);
		}
		HttpHeaders headers = response.getHeaders();
		headers.keySet().removeIf((name) -> KEPT_HEADER_PREFIXES.stream().noneMatch(name.toLowerCase()::startsWith));
		response.setStatusCode(status);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		headers.setCacheControl("no-store");
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
