package com.onsiteatlas.gateway.fallback;

import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.onsiteatlas.gateway.errors.JsonErrorResponder;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Target of the routes' {@code fallbackUri: forward:/fallback/<service>}. Answers 503
 * {@code "<service> is temporarily unavailable, please retry shortly"}, or 504 when the
 * service timed out. Requests that were not forwarded by a route's circuit breaker get
 * 404, like any unknown path.
 */
@RestController
class FallbackController {

	static final Set<String> SERVICES = Set.of("notification-service", "lodging-travel-service", "reporting-service");

	private final JsonErrorResponder responder;

	private static final Logger logger = LoggerFactory.getLogger(FallbackController.class);

	FallbackController(JsonErrorResponder responder) {
		this.responder = responder;
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		boolean forwarded = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) != null;
		if (!forwarded || !SERVICES.contains(service)) {
			return this.responder.respond(exchange, HttpStatus.NOT_FOUND, "Not Found");
		}
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (!(failure instanceof CallNotPermittedException)) {
			// What tripped the breaker; while it is open every call would log the same.
			logger.warn("{} failed for {} {}: {}", service, exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), String.valueOf(failure));
		}
		if (isTimeout(failure)) {
			return this.responder.respond(exchange, HttpStatus.GATEWAY_TIMEOUT,
					service + " did not respond in time, please retry shortly");
		}
		return this.responder.respond(exchange, HttpStatus.SERVICE_UNAVAILABLE,
				service + " is temporarily unavailable, please retry shortly");
	}

	static boolean isTimeout(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof TimeoutException || (current instanceof ResponseStatusException status
					&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

}
