package com.onsiteatlas.support.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Access to the current correlation id.
 */
public final class CorrelationId {

	/** The HTTP header the gateway sets and every service echoes. */
	public static final String HEADER = "X-Correlation-Id";

	/** The key in the Reactor context and the log MDC. */
	public static final String KEY = "correlationId";

	static final String EXCHANGE_ATTRIBUTE = CorrelationId.class.getName();

	private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9_\\-]{8,64}$");

	private CorrelationId() {
	}

	/**
	 * The correlation id of the current reactive pipeline.
	 * @return the id, or empty outside a request or message
	 */
	public static Mono<String> current() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.<String>getOrEmpty(KEY)));
	}

	/**
	 * The correlation id of an exchange, as set by {@link CorrelationIdWebFilter}.
	 * @param exchange the exchange
	 * @return the id or null
	 */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(EXCHANGE_ATTRIBUTE);
	}

	static String acceptOrCreate(String candidate) {
		return (candidate != null && VALID.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
	}

}
