package com.onsiteatlas.gateway.errors;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import com.onsiteatlas.gateway.correlation.CorrelationIdWebFilter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Replaces Boot's default error handler (which runs at order -1) so that every unhandled
 * error, including "no route matched", becomes a JSON {@link ErrorBody} without stack
 * traces or exception details.
 */
@Component
@Order(-2)
class JsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	static final String UNAVAILABLE = "The upstream service is temporarily unavailable, please retry shortly";

	static final String TIMED_OUT = "The upstream service did not respond in time, please retry shortly";

	private static final Log logger = LogFactory.getLog(JsonErrorWebExceptionHandler.class);

	private final JsonErrorResponder responder;

	public JsonErrorWebExceptionHandler(JsonErrorResponder responder) {
		this.responder = responder;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		Failure failure = describe(ex);
		log(exchange, failure, ex);
		return this.responder.respond(exchange, failure.status(), failure.message());
	}

	/**
	 * Maps an error to the status and message the caller sees.
	 * @param ex the error
	 * @return status and message
	 */
	static Failure describe(Throwable ex) {
		ClientFacingException statusException = find(ex, ClientFacingException.class);
		if (statusException != null) {
			return new Failure(statusException.getStatusCode(), statusException.getMessage());
		}
		ResponseStatusException responseStatus = find(ex, ResponseStatusException.class);
		if (responseStatus != null) {
			return fromStatus(responseStatus.getStatusCode());
		}
		if (find(ex, TimeoutException.class) != null) {
			return new Failure(HttpStatus.GATEWAY_TIMEOUT, TIMED_OUT);
		}
		if (find(ex, CallNotPermittedException.class) != null || find(ex, ConnectTimeoutException.class) != null
				|| find(ex, IOException.class) != null) {
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
		}
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
	}

	private static Failure fromStatus(HttpStatusCode status) {
		if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return new Failure(status, TIMED_OUT);
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				|| status.value() == HttpStatus.BAD_GATEWAY.value()) {
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return new Failure(status, (known != null) ? known.getReasonPhrase() : "Error");
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

	private static void log(ServerWebExchange exchange, Failure failure, Throwable ex) {
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + " [cid="
				+ exchange.getAttribute(CorrelationIdWebFilter.ATTRIBUTE) + "]";
		if (failure.status().value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			logger.error("Unhandled error for " + request, ex);
		}
		else if (failure.status().is5xxServerError()) {
			logger.warn(request + " failed with " + failure.status().value() + ": " + ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(request + " failed with " + failure.status().value() + ": " + ex);
		}
	}

	/**
	 * What the caller is told.
	 *
	 * @param status the HTTP status
	 * @param message the message
	 */
	record Failure(HttpStatusCode status, String message) {

	}

}
