package com.onsiteatlas.reporting.export;

import java.util.List;

import jakarta.validation.Valid;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
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
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/export")
@StaffOnly
class ExportJobController {

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
			.flatMap((job) -> this.exports.download(job)
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
			@RequestParam(required = false) String to,
			@Paging(sortable = { "createdAt", "completedAt", "status", "recordCount", "fileSize" },
					defaultSort = "createdAt:desc") PageQuery page) {
		return this.exports
			.history(user,
					new ExportService.HistoryFilter((event != null) ? event : eventId, status, dataType, exportType,
							from, to),
					page)
			.map((paged) -> ApiResponse.page("Export history", paged));
	}

}
