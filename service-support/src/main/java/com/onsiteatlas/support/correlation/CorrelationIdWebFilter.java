package com.onsiteatlas.support.correlation;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Accepts the gateway's correlation id (or makes one), echoes it in the response and puts
 * it in the Reactor context.
 */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
		exchange.getAttributes().put(CorrelationId.EXCHANGE_ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
		return chain.filter(exchange).contextWrite((context) -> context.put(CorrelationId.KEY, id));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
