package com.onsiteatlas.support.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Sort;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.support.paging.PageQuery;

/**
 * Resolves a {@link Paging @Paging} {@link PageQuery} parameter from the request's
 * {@code page}, {@code limit} and {@code sortBy} query parameters, so that a controller
 * method names its sortable fields once instead of taking three strings and parsing them.
 */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class && parameter.hasParameterAnnotation(Paging.class);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		Paging paging = parameter.getParameterAnnotation(Paging.class);
		MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
		return Mono.fromSupplier(() -> PageQuery.parse(params.getFirst("page"), params.getFirst("limit"),
				params.getFirst("sortBy"), sortable(paging.sortable()), defaultSort(paging.defaultSort())));
	}

	static Map<String, String> sortable(String[] fields) {
		Map<String, String> sortable = new LinkedHashMap<>();
		for (String field : fields) {
			int equals = field.indexOf('=');
			if (equals < 0) {
				sortable.put(field, field);
			}
			else {
				sortable.put(field.substring(0, equals), field.substring(equals + 1));
			}
		}
		return sortable;
	}

	static Sort defaultSort(String sortBy) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String part : sortBy.split(",")) {
			String[] pieces = part.trim().split(":");
			boolean descending = pieces.length > 1 && pieces[1].trim().equalsIgnoreCase("desc");
			orders.add(descending ? Sort.Order.desc(pieces[0].trim()) : Sort.Order.asc(pieces[0].trim()));
		}
		return Sort.by(orders);
	}

}
