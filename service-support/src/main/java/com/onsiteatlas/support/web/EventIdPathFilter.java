package com.onsiteatlas.support.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rejects {@code /api/events/{eventId}/...} with a malformed event id before any
 * controller or query runs, so every event-scoped route answers 400 for it in the same
 * way.
 */
public class EventIdPathFilter implements WebFilter, Ordered {

	private static final Pattern EVENT_PATH = Pattern.compile("^/api/events/([^/]+)(/.*)?$");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Matcher matcher = EVENT_PATH.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
		if (matcher.matches() && !ObjectIds.isValid(matcher.group(1))) {
			return Mono.error(ApiException.badRequest("Invalid eventId '" + abbreviate(matcher.group(1))
					+ "': must be a 24-character hexadecimal ObjectId"));
		}
		return chain.filter(exchange);
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
