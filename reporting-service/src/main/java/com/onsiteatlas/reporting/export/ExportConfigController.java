package com.onsiteatlas.reporting.export;

import java.util.List;

import jakarta.validation.Valid;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/export/configs")
@StaffOnly
class ExportConfigController {

	private final ExportConfigService configs;

	ExportConfigController(ExportConfigService configs) {
		this.configs = configs;
	}

	@GetMapping
	Mono<ApiResponse<List<ExportConfig>>> list(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String event, @RequestParam(required = false) String eventId,
			@RequestParam(required = false) String dataType, @RequestParam(required = false) String exportType,
			@Paging(sortable = { "name", "createdAt", "updatedAt", "dataType", "exportType" },
					defaultSort = "createdAt:desc") PageQuery page) {
		return this.configs.list(user, (event != null) ? event : eventId, dataType, exportType, page)
			.map((paged) -> ApiResponse.page("Export configs", paged));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ApiResponse<ExportConfig>> create(@AuthenticationPrincipal AtlasPrincipal user,
			@Valid @RequestBody ExportConfigRequest request) {
		return this.configs.create(user, request).map((config) -> ApiResponse.ok("Export config created", config));
	}

	@GetMapping("/{id}")
	Mono<ApiResponse<ExportConfig>> get(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.configs.get(user, id).map(ApiResponse::ok);
	}

	@PutMapping("/{id}")
	Mono<ApiResponse<ExportConfig>> update(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id,
			@Valid @RequestBody ExportConfigRequest request) {
		return this.configs.update(user, id, request).map((config) -> ApiResponse.ok("Export config updated", config));
	}

	@DeleteMapping("/{id}")
	Mono<ApiResponse<Void>> delete(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.configs.delete(user, id)
			.then(Mono.fromSupplier(() -> ApiResponse.ok("Export config deleted", null)));
	}

}
