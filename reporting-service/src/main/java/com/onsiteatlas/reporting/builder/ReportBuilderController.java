package com.onsiteatlas.reporting.builder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
@StaffOnly
class ReportBuilderController {

	private final ReportBuilderService builder;

	ReportBuilderController(ReportBuilderService builder) {
		this.builder = builder;
	}

	/**
	 * The ReportBuilder page's preview: {@code {success, data:[rows]}} with
	 * {@code meta{columns, count, truncated, limit}}; grouped reports add their chart
	 * data.
	 */
	@PostMapping("/api/events/{eventId}/reports/preview")
	Mono<ApiResponse<List<Map<String, Object>>>> preview(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String eventId, @RequestBody PreviewRequest request) {
		return this.builder.preview(user, eventId, request).map(ReportBuilderController::response);
	}

	@PostMapping("/api/reports/builder/file")
	Mono<ResponseEntity<Flux<DataBuffer>>> builderFile(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam String eventId, @RequestParam(defaultValue = "pdf") String format,
			@RequestBody PreviewRequest request) {
		return this.builder.builderFile(user, eventId, format, request).map(ReportBuilderController::download);
	}

	@GetMapping("/api/reports/templates")
	Mono<ApiResponse<List<ReportTemplate>>> templates() {
		return Mono.just(ApiResponse.ok(ReportTemplate.ALL));
	}

	@GetMapping("/api/reports/templates/{templateId}/data")
	Mono<ApiResponse<List<Map<String, Object>>>> templateData(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String templateId, @RequestParam String eventId) {
		return this.builder.templateData(user, templateId, eventId).map(ReportBuilderController::response);
	}

	@GetMapping("/api/reports/templates/{templateId}/file")
	Mono<ResponseEntity<Flux<DataBuffer>>> templateFile(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String templateId, @RequestParam String eventId,
			@RequestParam(defaultValue = "pdf") String format) {
		return this.builder.templateFile(user, templateId, eventId, format).map(ReportBuilderController::download);
	}

	private static ResponseEntity<Flux<DataBuffer>> download(ReportBuilderService.ReportDownload download) {
		RenderedFile rendered = download.file();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.format().contentType()))
			.contentLength(rendered.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.fileName()).build().toString())
			.body(DataBufferUtils.read(rendered.path(), DefaultDataBufferFactory.sharedInstance, 64 * 1024)
				.doFinally((signal) -> rendered.delete()));
	}

	private static ApiResponse<List<Map<String, Object>>> response(ReportResult result) {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("columns", result.columns());
		meta.put("count", result.rows().size());
		// Tells the page when it shows only the first `limit` rows (or groups) of what
		// matched.
		meta.put("truncated", result.truncated());
		meta.put("limit", result.limit());
		if (result.chart() != null) {
			meta.put("chart", result.chart());
		}
		return ApiResponse.withMeta("Report preview", result.rows(), meta);
	}

}
