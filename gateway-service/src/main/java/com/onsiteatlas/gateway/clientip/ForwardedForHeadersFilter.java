package com.onsiteatlas.gateway.clientip;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells upstreams who the client is: {@code X-Forwarded-For} is replaced by the single
 * client IP the gateway trusts (see {@link ClientIpResolver}), and
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} describe the original request. A
 * caller-supplied {@code X-Forwarded-For} therefore never reaches an upstream unvetted,
 * and the legacy backend, with Express's {@code trust proxy} set to 1, rate-limits by the
 * real client instead of the gateway. Runs after the gateway's own forwarded-header
 * handling, which drops these headers when its trusted proxies are not set.
 */
@Component
class ForwardedForHeadersFilter implements HttpHeadersFilter, Ordered {

	private final ClientIpResolver clientIpResolver;

	public ForwardedForHeadersFilter(ClientIpResolver clientIpResolver) {
		this.clientIpResolver = clientIpResolver;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders updated = new HttpHeaders();
		updated.addAll(input);
		updated.set("X-Forwarded-For", this.clientIpResolver.resolve(request));
		updated.set("X-Forwarded-Proto", request.getURI().getScheme());
		String host = request.getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			updated.set("X-Forwarded-Host", host);
		}
		return updated;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
