package com.onsiteatlas.support.audit;

import java.util.List;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ApiResponse;

/**
 * The answer to {@code GET .../<service>-audit}: one page as JSON, or the whole filtered
 * trail (up to {@link AuditLog#MAX_EXPORT} entries) as CSV with {@code format=csv}.
 */
public class AuditTrailResponses {

	private static final String CSV_HEADER = "at,action,actorId,actorType,actorRole,resourceType,resourceId,summary,fields";

	private final AuditLog log;

	public AuditTrailResponses(AuditLog log) {
		this.log = log;
	}

	/**
	 * The trail of a conference.
	 * @param eventId the conference
	 * @param filter which entries
	 * @param page paging (JSON only)
	 * @param format {@code json} (default) or {@code csv}
	 * @param fileName the CSV file name without extension
	 * @return the response
	 */
	public Mono<ResponseEntity<?>> trail(String eventId, AuditFilter filter, PageQuery page, String format,
			String fileName) {
		if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
			return this.log.page(eventId, filter, page)
				.map((paged) -> ResponseEntity.ok(ApiResponse.page("Audit trail", paged)));
		}
		if (!format.equalsIgnoreCase("csv")) {
			throw ApiException.badRequest("'format' must be json or csv");
		}
		return this.log.export(eventId, filter)
			.collectList()
			.map((entries) -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
				.body(csv(entries)));
	}

	static String csv(List<AuditEntry> entries) {
		StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
		for (AuditEntry entry : entries) {
			AuditActor actor = (entry.actor() != null) ? entry.actor() : new AuditActor(null, null, null);
			out.append(String.join(",", cell(String.valueOf(entry.at())), cell(entry.action()), cell(actor.id()),
					cell(actor.type()), cell(actor.role()), cell(entry.resourceType()), cell(entry.resourceId()),
					cell(entry.summary()), cell(String.join(" ", entry.fields()))))
				.append("\r\n");
		}
		return out.toString();
	}

	/**
	 * One CSV cell: quoted when it needs it, and a leading formula character defused so a
	 * spreadsheet does not run it.
	 */
	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.chars().anyMatch((c) -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
			return text.chars()
				.mapToObj((c) -> (c == '"') ? "\"\"" : String.valueOf((char) c))
				.collect(Collectors.joining("", "\"", "\""));
		}
		return text;
	}

}
