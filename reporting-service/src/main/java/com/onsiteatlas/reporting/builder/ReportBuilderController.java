package com.onsiteatlas.reporting.builder;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
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

import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.projection.ConferenceView;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.ObjectIds;

@RestController
@StaffOnly
class ReportBuilderController {

	private final ReportService reports;

	private final ObjectProvider<Directory> directory;

	private final Clock clock;

	ReportBuilderController(ReportService reports, ObjectProvider<Directory> directory, Clock clock) {
		this.reports = reports;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The ReportBuilder page's preview: {@code {success, data:[rows]}} with
	 * {@code meta{columns, count, truncated, limit}}; grouped reports add their chart
	 * data.
	 */
	@PostMapping("/api/events/{eventId}/reports/preview")
	Mono<ApiResponse<List<Map<String, Object>>>> preview(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String eventId, @RequestBody PreviewRequest request) {
		requireEvent(user, eventId);
		return Mono.fromCallable(() -> request.definition(this.clock))
			.flatMap((definition) -> this.reports.run(eventId, definition))
			.map(ReportBuilderController::response);
	}

	@PostMapping("/api/reports/builder/file")
	Mono<ResponseEntity<Flux<DataBuffer>>> builderFile(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam String eventId, @RequestParam(defaultValue = "pdf") String format,
			@RequestBody PreviewRequest request) {
		requireEvent(user, eventId);
		return Mono.fromCallable(() -> request.definition(this.clock))
			.flatMap((definition) -> file(eventId, definition, format));
	}

	@GetMapping("/api/reports/templates")
	Mono<ApiResponse<List<ReportTemplate>>> templates() {
		return Mono.just(ApiResponse.ok(ReportTemplate.ALL));
	}

	@GetMapping("/api/reports/templates/{templateId}/data")
	Mono<ApiResponse<List<Map<String, Object>>>> templateData(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String templateId, @RequestParam String eventId) {
		requireEvent(user, eventId);
		return this.reports.run(eventId, template(templateId).definition()).map(ReportBuilderController::response);
	}

	@GetMapping("/api/reports/templates/{templateId}/file")
	Mono<ResponseEntity<Flux<DataBuffer>>> templateFile(@AuthenticationPrincipal AtlasPrincipal user,
			@PathVariable String templateId, @RequestParam String eventId,
			@RequestParam(defaultValue = "pdf") String format) {
		requireEvent(user, eventId);
		return file(eventId, template(templateId).definition(), format);
	}

	private Mono<ResponseEntity<Flux<DataBuffer>>> file(String eventId, ReportDefinition definition,
			String formatName) {
		FileFormat format = FileFormat.of(formatName);
		if (format == null) {
			return Mono.error(ApiException.badRequest("format must be pdf, excel or csv"));
		}
		Directory conferences = this.directory.getIfAvailable();
		Mono<String> eventName = (conferences != null)
				? conferences.conference(eventId).map(ConferenceView::name).defaultIfEmpty("") : Mono.just("");
		String base = ((definition.title() != null) ? definition.title() : definition.dataType())
			.replaceAll("[^A-Za-z0-9]+", "_");
		return eventName.flatMap((name) -> this.reports.file(eventId, name.isEmpty() ? null : name, definition, format))
			.map((rendered) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(format.contentType()))
				.contentLength(rendered.size())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(base + "_" + eventId + "." + format.extension())
							.build()
							.toString())
				.body(DataBufferUtils.read(rendered.path(), DefaultDataBufferFactory.sharedInstance, 64 * 1024)
					.doFinally((signal) -> rendered.delete())));
	}

	private static ReportTemplate template(String id) {
		ReportTemplate template = ReportTemplate.find(id);
		if (template == null) {
			throw ApiException.notFound("Unknown report template '" + id + "'");
		}
		return template;
	}

	private static void requireEvent(AtlasPrincipal user, String eventId) {
		ObjectIds.require(eventId, "eventId");
		if (!user.canReachEvent(eventId)) {
			throw ApiException.forbidden("You cannot report on this event");
		}
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
