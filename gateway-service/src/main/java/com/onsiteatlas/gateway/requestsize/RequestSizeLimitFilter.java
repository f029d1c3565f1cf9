package com.onsiteatlas.gateway.requestsize;

import java.util.concurrent.atomic.AtomicLong;

import com.onsiteatlas.gateway.config.AtlasGatewayProperties;
import com.onsiteatlas.gateway.errors.JsonErrorResponder;
import com.onsiteatlas.gateway.routing.RouteKinds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Enforces the request body limits on routed requests: {@code max-request-bytes} on
 * routes to our services, the lower {@code max-public-request-bytes} on public routes
 * (route metadata {@code atlas-public: true}: provider callbacks and unsubscribe links,
 * which anyone can reach without a token and which providers only send small bodies to),
 * and {@code max-legacy-request-bytes} on what passes through to the legacy backend,
 * which accepts larger uploads itself. A declared {@code Content-Length} above the limit
 * is answered with 413 at once; otherwise the body is counted as it streams and the
 * exchange fails with {@link PayloadTooLargeException} (413) as soon as the count passes
 * the limit, so a chunked body is never buffered or forwarded beyond it. Runs before the
 * gateway caches bodies for circuit breaker fallbacks.
 */
@Component
class RequestSizeLimitFilter implements GlobalFilter, Ordered {

	/** The order: after the rate limit, before authentication and body caching. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

	private final long maxBytes;

	private final long maxLegacyBytes;

	private final long maxPublicBytes;

	private final JsonErrorResponder responder;

	public RequestSizeLimitFilter(AtlasGatewayProperties properties, JsonErrorResponder responder) {
		this.maxBytes = properties.maxRequestBytes().toBytes();
		this.maxLegacyBytes = properties.maxLegacyRequestBytes().toBytes();
		this.maxPublicBytes = Math.min(this.maxBytes, properties.maxPublicRequestBytes().toBytes());
		this.responder = responder;
	}

	static String message(long maxBytes) {
		return "Request body too large (max " + maxBytes + " bytes)";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limit(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
		if (request.getHeaders().getContentLength() > limit) {
			return this.responder.respond(exchange, HttpStatus.PAYLOAD_TOO_LARGE, message(limit));
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> {
					AtomicLong total = new AtomicLong();
					return super.getBody().handle((buffer, sink) -> {
						if (total.addAndGet(buffer.readableByteCount()) > limit) {
							DataBufferUtils.release(buffer);
							sink.error(new PayloadTooLargeException(limit));
						}
						else {
							sink.next(buffer);
						}
					});
				});
			}

		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private long limit(Route route) {
		if (RouteKinds.isPublic(route)) {
			return this.maxPublicBytes;
		}
		return (route == null || RouteKinds.isService(route)) ? this.maxBytes : this.maxLegacyBytes;
	}

}
