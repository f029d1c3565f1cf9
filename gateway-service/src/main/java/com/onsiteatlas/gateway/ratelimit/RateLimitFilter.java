package com.onsiteatlas.gateway.ratelimit;

import com.onsiteatlas.gateway.clientip.ClientIpResolver;
import com.onsiteatlas.gateway.config.AtlasGatewayProperties;
import com.onsiteatlas.gateway.errors.JsonErrorResponder;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Applies the per client IP limit to every routed {@code /api/**} request before anything
 * else is done with it (no body buffering, no token checks). Rejected requests get 429
 * with {@code Retry-After}; every limited response carries {@code RateLimit-Limit} and
 * {@code RateLimit-Remaining} unless the upstream sent its own. It runs after CORS
 * processing, so browsers can read the 429.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	/** The order, early among the gateway's filters. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	static final String LIMIT_HEADER = "RateLimit-Limit";

	static final String REMAINING_HEADER = "RateLimit-Remaining";

	static final String MESSAGE = "Too many requests, please try again later.";

	private final TokenBucketRateLimiter limiter;

	private final ClientIpResolver clientIpResolver;

	private final JsonErrorResponder responder;

	@Autowired
	public RateLimitFilter(AtlasGatewayProperties properties, ClientIpResolver clientIpResolver,
			JsonErrorResponder responder) {
		this(new TokenBucketRateLimiter(properties.rateLimit().requestsPerMinute(),
				properties.rateLimit().maxTrackedClients()), clientIpResolver, responder);
	}

	RateLimitFilter(TokenBucketRateLimiter limiter, ClientIpResolver clientIpResolver, JsonErrorResponder responder) {
		this.limiter = limiter;
		this.clientIpResolver = clientIpResolver;
		this.responder = responder;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals("/api") && !path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		TokenBucketRateLimiter.Decision decision = this.limiter
			.tryAcquire(this.clientIpResolver.rateLimitKey(exchange.getRequest()));
		ServerHttpResponse response = exchange.getResponse();
		if (!decision.allowed()) {
			HttpHeaders headers = response.getHeaders();
			headers.set(LIMIT_HEADER, String.valueOf(decision.limit()));
			headers.set(REMAINING_HEADER, "0");
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
			return this.responder.respond(exchange, HttpStatus.TOO_MANY_REQUESTS, MESSAGE);
		}
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			if (!headers.containsKey(LIMIT_HEADER)) {
				headers.set(LIMIT_HEADER, String.valueOf(decision.limit()));
				headers.set(REMAINING_HEADER, String.valueOf(decision.remaining()));
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
