package com.onsiteatlas.gateway.routing;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes every {@code X-Atlas-*} request header before a request is proxied, on all
 * routes, so callers cannot pose as the gateway towards the services or the legacy
 * backend. Identity travels only in the internal token.
 */
@Component
class AtlasHeadersFilter implements HttpHeadersFilter, Ordered {

	/** The reserved header prefix, compared case-insensitively. */
	public static final String RESERVED_PREFIX = "x-atlas-";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		if (input.keySet().stream().noneMatch(AtlasHeadersFilter::isReserved)) {
			return input;
		}
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isReserved(name)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isReserved(String name) {
		return name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX);
	}

}
