package com.onsiteatlas.reporting.export;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
@RequestMapping("/api/export")
@StaffOnly
class ExportJobController {

	private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "completedAt", "completedAt",
			"status", "status", "recordCount", "recordCount", "fileSize", "fileSize");

	private final ExportService exports;

	ExportJobController(ExportService exports) {
		this.exports = exports;
	}

	@PostMapping("/generate")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ApiResponse<ExportHistory>> generate(@AuthenticationPrincipal AtlasPrincipal user,
			@Valid @RequestBody GenerateRequest request) {
		return this.exports.generate(user, request).map((job) -> ApiResponse.ok("Export queued", job));
	}

	@GetMapping("/status/{id}")
	Mono<ApiResponse<ExportHistory>> status(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.exports.job(user, id).map(ApiResponse::ok);
	}

	@GetMapping("/download/{id}")
	Mono<ResponseEntity<Flux<DataBuffer>>> download(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String id) {
		return this.exports.job(user, id)
			.flatMap((job) -> this.exports.content(job)
				.map((stream) -> ResponseEntity.ok()
					.contentType(MediaType.parseMediaType(FileFormat.of(job.exportType()).contentType()))
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment().filename(job.fileName()).build().toString())
					.body(stream)));
	}

	@GetMapping("/history")
	Mono<ApiResponse<List<ExportHistory>>> history(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String event, @RequestParam(required = false) String eventId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String dataType,
			@RequestParam(required = false) String exportType, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String sortBy) {
		PageQuery query = PageQuery.parse(page, limit, sortBy, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"));
		return this.exports
			.history(user,
					new ExportService.HistoryFilter((event != null) ? event : eventId, status, dataType, exportType,
							from, to),
					query)
			.map((paged) -> paged.toResponse("Export history"));
	}

}
