package com.onsiteatlas.reporting.catalog;

import java.util.Collection;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
@StaffOnly
class CatalogController {

	private final FieldCatalog catalog;

	CatalogController(FieldCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/api/export/catalog")
	Mono<ApiResponse<Collection<DataSource>>> all() {
		return Mono.just(ApiResponse.ok(this.catalog.all()));
	}

	@GetMapping("/api/export/catalog/{dataType}")
	Mono<ApiResponse<DataSource>> one(@PathVariable String dataType) {
		return Mono.fromCallable(() -> ApiResponse.ok(this.catalog.source(dataType)));
	}

}
