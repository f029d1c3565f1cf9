package com.onsiteatlas.reporting.builder;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * What the report builder's routes do for a user: check that the user may report on the
 * event, turn the builder's request or a template into a definition, and run it as a
 * preview or as a named file.
 */
@Service
class ReportBuilderService {

	private final ReportService reports;

	private final ObjectProvider<Directory> directory;

	private final Clock clock;

	ReportBuilderService(ReportService reports, ObjectProvider<Directory> directory, Clock clock) {
		this.reports = reports;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The preview of a report built in the builder.
	 * @param user the caller
	 * @param eventId the conference
	 * @param request the builder's request
	 * @return rows, columns and chart
	 */
	Mono<ReportResult> preview(AtlasPrincipal user, String eventId, PreviewRequest request) {
		requireEvent(user, eventId);
		return Mono.fromCallable(() -> request.definition(this.clock))
			.flatMap((definition) -> this.reports.run(eventId, definition));
	}

	/**
	 * A report built in the builder, as a file.
	 * @param user the caller
	 * @param eventId the conference
	 * @param format pdf, excel or csv
	 * @param request the builder's request
	 * @return the file and its name
	 */
	Mono<ReportDownload> builderFile(AtlasPrincipal user, String eventId, String format, PreviewRequest request) {
		requireEvent(user, eventId);
		return Mono.fromCallable(() -> request.definition(this.clock))
			.flatMap((definition) -> file(eventId, definition, format));
	}

	/**
	 * The rows of a ready-made report.
	 * @param user the caller
	 * @param templateId the template
	 * @param eventId the conference
	 * @return rows, columns and chart
	 */
	Mono<ReportResult> templateData(AtlasPrincipal user, String templateId, String eventId) {
		requireEvent(user, eventId);
		return this.reports.run(eventId, template(templateId).definition());
	}

	/**
	 * A ready-made report as a file.
	 * @param user the caller
	 * @param templateId the template
	 * @param eventId the conference
	 * @param format pdf, excel or csv
	 * @return the file and its name
	 */
	Mono<ReportDownload> templateFile(AtlasPrincipal user, String templateId, String eventId, String format) {
		requireEvent(user, eventId);
		return file(eventId, template(templateId).definition(), format);
	}

	private Mono<ReportDownload> file(String eventId, ReportDefinition definition, String formatName) {
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
			.map((rendered) -> new ReportDownload(rendered, format, base + "_" + eventId + "." + format.extension()));
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

	/**
	 * A rendered report to send.
	 *
	 * @param file the temporary file, deleted once sent
	 * @param format its format
	 * @param fileName the download name
	 */
	record ReportDownload(RenderedFile file, FileFormat format, String fileName) {
	}

}
