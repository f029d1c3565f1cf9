package com.onsiteatlas.gateway.correlation;

import com.onsiteatlas.gateway.clientip.ClientIpResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs first on every request (routed or not): fixes the correlation id (see
 * {@link CorrelationIds}), sets it on the request that is forwarded downstream and on the
 * response, stores it in the exchange attribute {@link #ATTRIBUTE} and the Reactor
 * context key {@link #MDC_KEY}, and logs one access line per request with the id in the
 * MDC. It is a {@link WebFilter} rather than a gateway {@code GlobalFilter} so that 404s,
 * CORS preflights, actuator calls and fallback responses get an id and a log line too.
 */
@Component
public class CorrelationIdWebFilter implements WebFilter, Ordered {

	/** Request and response header carrying the id. */
	public static final String HEADER = "X-Correlation-Id";

	/** Exchange attribute holding the id. */
	public static final String ATTRIBUTE = CorrelationIdWebFilter.class.getName() + ".id";

	/** MDC and Reactor context key of the id. */
	public static final String MDC_KEY = "correlationId";

	private static final Log accessLog = LogFactory.getLog("com.onsiteatlas.gateway.access");

	private final ClientIpResolver clientIpResolver;

	public CorrelationIdWebFilter(ClientIpResolver clientIpResolver) {
		this.clientIpResolver = clientIpResolver;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long started = System.nanoTime();
		String id = CorrelationIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		ServerWebExchange mutated = exchange.mutate().request(request).build();
		mutated.getAttributes().put(ATTRIBUTE, id);
		ServerHttpResponse response = mutated.getResponse();
		response.beforeCommit(() -> {
			response.getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(mutated)
			.contextWrite(Context.of(MDC_KEY, id))
			.doFinally((signal) -> logAccess(mutated, id, started, signal));
	}

	private void logAccess(ServerWebExchange exchange, String id, long started, SignalType signal) {
		if (!accessLog.isInfoEnabled()) {
			return;
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String statusText = (signal == SignalType.CANCEL) ? "cancelled"
				: (status != null) ? String.valueOf(status.value()) : "200";
		ServerHttpRequest request = exchange.getRequest();
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
			accessLog.info(request.getMethod() + " " + request.getPath().value() + " " + statusText + " " + millis
					+ " ms cid=" + id + " ip=" + this.clientIpResolver.resolve(request));
		}
	}

}
