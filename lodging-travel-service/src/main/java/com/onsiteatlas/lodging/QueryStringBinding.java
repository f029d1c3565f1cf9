package com.onsiteatlas.lodging;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.reactive.result.method.annotation.ExtendedWebExchangeDataBinder;

/**
 * List and manifest queries ({@code BookingListQuery}, {@code TravelListQuery},
 * {@code ManifestQuery}) bind from the query string only: Spring would also bind request
 * headers of the same name, so a {@code Search} header would filter a list.
 */
@ControllerAdvice
class QueryStringBinding {

	@InitBinder
	void bindQueryStringOnly(WebDataBinder binder) {
		if (binder instanceof ExtendedWebExchangeDataBinder exchangeBinder) {
			exchangeBinder.setHeaderPredicate((header) -> false);
		}
	}

}
