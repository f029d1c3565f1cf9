package com.onsiteatlas.reporting.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.audit.ReportingAuditAction;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.support.audit.ChangedFields;
import com.onsiteatlas.reporting.builder.ReportTemplate;
import com.onsiteatlas.reporting.export.ExportConfig;
import com.onsiteatlas.reporting.export.ExportConfigService;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Report schedules: validation, {@code nextRun}, and run-now. Like export configs, a user
 * sees the schedules they created and the global ones; a user whose token is bound to one
 * event sees only that event's schedules.
 */
@Service
class ScheduleService {

	private static final Set<String> DELIVERY_TYPES = Set.of("email", "download", "cloud-storage");

	private static final Set<String> PROVIDERS = Set.of("s3", "google-drive", "dropbox");

	private final ReportScheduleRepository schedules;

	private final ScheduleRunRepository runs;

	private final ExportConfigService configs;

	private final ScheduleRunClaims runClaims;

	private final ScheduleSecrets secrets;

	private final ScheduleDestinations destinations;

	private final ScheduledReports reports;

	/** Bookkeeping fields the runs change. */
	private static final java.util.Set<String> UNAUDITED_FIELDS = java.util.Set.of("_id", "id", "lastRun", "nextRun",
			"lastStatus", "lastError", "failureCount", "createdAt", "updatedAt");

	private final Clock clock;

	private final AuditLog audit;

	ScheduleService(ReportScheduleRepository schedules, ScheduleRunRepository runs, ExportConfigService configs,
			ScheduleRunClaims runClaims, ScheduleSecrets secrets, ScheduleDestinations destinations,
			ScheduledReports reports, Clock clock, AuditLog audit) {
		this.schedules = schedules;
		this.runs = runs;
		this.audit = audit;
		this.configs = configs;
		this.runClaims = runClaims;
		this.secrets = secrets;
		this.destinations = destinations;
		this.reports = reports;
		this.clock = clock;
	}

	Mono<Paged<ReportSchedule>> list(AtlasPrincipal user, String isActive, String frequency, String eventId,
			PageQuery page) {
		String event = (eventId != null) ? ObjectIds.require(eventId, "eventId") : null;
		Boolean active = (isActive != null) ? Boolean.parseBoolean(isActive) : null;
		return this.schedules.page(new ScheduleSearch(ScheduleViewer.of(user), event, active, frequency), page);
	}

	Mono<ReportSchedule> get(AtlasPrincipal user, String id) {
		ObjectIds.require(id, "id");
		return this.schedules.findVisible(id, ScheduleViewer.of(user))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Report schedule not found")));
	}

	Mono<ReportSchedule> create(AtlasPrincipal user, ScheduleRequest request) {
		return validated(user, request, null).flatMap(this.schedules::insert)
			.flatMap((saved) -> audited(ReportingAuditAction.SCHEDULE_CREATED, saved, List.of()));
	}

	Mono<ReportSchedule> update(AtlasPrincipal user, String id, ScheduleRequest request) {
		return get(user, id).flatMap((existing) -> validated(user, request, existing).flatMap(this.schedules::save)
			.flatMap((saved) -> audited(ReportingAuditAction.SCHEDULE_UPDATED, saved,
					ChangedFields.between(existing, saved, UNAUDITED_FIELDS))));
	}

	Mono<Void> delete(AtlasPrincipal user, String id) {
		return get(user, id)
			.flatMap((schedule) -> this.schedules.delete(schedule)
				.then(audited(ReportingAuditAction.SCHEDULE_DELETED, schedule, List.of())))
			.then();
	}

	Mono<ScheduleRun> runNow(AtlasPrincipal user, String id) {
		return get(user, id).flatMap((schedule) -> this.runClaims.runNow(schedule)
			.flatMap((run) -> this.audit
				.record(AuditRecord.of(schedule.eventId(), ReportingAuditAction.SCHEDULE_RUN_STARTED, "schedule-run",
						run.id(), "run now of schedule '" + schedule.name() + "'"))
				.thenReturn(run)));
	}

	/** Records a schedule change: its name, and the paths of the changed fields only. */
	private Mono<ReportSchedule> audited(ReportingAuditAction action, ReportSchedule schedule, List<String> fields) {
		return this.audit
			.record(new AuditRecord(schedule.eventId(), action, "schedule", schedule.id(),
					"schedule '" + schedule.name() + "'", fields))
			.thenReturn(schedule);
	}

	Mono<List<ScheduleRun>> runs(AtlasPrincipal user, String id) {
		return get(user, id)
			.flatMap((schedule) -> this.runs.findTop100ByScheduleIdOrderByCreatedAtDesc(schedule.id()).collectList());
	}

	private Mono<ReportSchedule> validated(AtlasPrincipal user, ScheduleRequest request, ReportSchedule existing) {
		Mono<Optional<Map<String, Object>>> definition = Mono.fromCallable(() -> {
			check(request);
			return Optional.ofNullable(hasDefinition(request) ? this.reports.storable(request.definition()) : null);
		});
		// schedule() checks the S3 endpoint, which resolves its host name: off the event
		// loop.
		return definition.flatMap((saved) -> config(user, request).publishOn(Schedulers.boundedElastic())
			.map((found) -> schedule(user, request, existing, saved.orElse(null), found)));
	}

	private Mono<Optional<ExportConfig>> config(AtlasPrincipal user, ScheduleRequest request) {
		return (request.exportConfig() != null) ? this.configs.get(user, request.exportConfig()).map(Optional::of)
				: Mono.just(Optional.empty());
	}

	private ReportSchedule schedule(AtlasPrincipal user, ScheduleRequest request, ReportSchedule existing,
			Map<String, Object> definition, Optional<ExportConfig> found) {
		String eventId = found.map(ExportConfig::event).orElse(request.eventId());
		if (eventId != null && !user.canReachEvent(eventId)) {
			throw ApiException.forbidden("You cannot schedule reports of this event");
		}
		if (eventId == null && user.eventId() != null) {
			throw ApiException.forbidden("Your access is limited to one event: use an export config of that event");
		}
		this.destinations.check(request.delivery(), (existing != null) ? existing.delivery() : null);
		Instant now = this.clock.instant();
		boolean active = request.isActive() == null || request.isActive();
		return new ReportSchedule((existing != null) ? existing.id() : new ObjectId().toHexString(), request.name(),
				request.report(), definition, found.map(ExportConfig::id).orElse(null), eventId,
				(request.format() != null) ? FileFormat.of(request.format()).exportType() : null, request.schedule(),
				this.secrets.seal(request.delivery(), (existing != null) ? existing.delivery() : null), active,
				Boolean.TRUE.equals(request.isGlobal()), (existing != null) ? existing.lastRun() : null,
				active ? Occurrences.next(request.schedule(), now) : null,
				(existing != null) ? existing.lastStatus() : null, (existing != null) ? existing.lastError() : null,
				(existing != null) ? existing.failureCount() : 0,
				(existing != null) ? existing.createdBy() : user.userId(),
				(existing != null) ? existing.createdAt() : now, now);
	}

	/** A JSON null is no definition. */
	private static boolean hasDefinition(ScheduleRequest request) {
		return request.definition() != null && !request.definition().isNull();
	}

	private static void check(ScheduleRequest request) {
		long sources = Stream.of(request.report() != null, hasDefinition(request), request.exportConfig() != null)
			.filter(Boolean::booleanValue)
			.count();
		if (sources == 0) {
			throw ApiException.badRequest("Give one source: report (a ready-made report id) or definition "
					+ "(a report builder request), each with eventId, or exportConfig");
		}
		if (sources > 1) {
			throw ApiException.badRequest("Give only one source: report, definition or exportConfig");
		}
		if (request.eventId() != null) {
			ObjectIds.require(request.eventId(), "eventId");
		}
		if (request.exportConfig() != null) {
			ObjectIds.require(request.exportConfig(), "exportConfig");
		}
		else {
			if (request.report() != null && ReportTemplate.find(request.report()) == null) {
				throw ApiException.badRequest("Unknown report template '" + request.report() + "'");
			}
			if (request.eventId() == null) {
				throw ApiException.badRequest("eventId is required with a "
						+ ((request.report() != null) ? "report template" : "definition"));
			}
		}
		if (request.format() != null && FileFormat.of(request.format()) == null) {
			throw ApiException.badRequest("format must be pdf, excel or csv");
		}
		Occurrences.validate(request.schedule());
		ReportSchedule.Delivery delivery = request.delivery();
		if (delivery == null || delivery.type() == null || !DELIVERY_TYPES.contains(delivery.type())) {
			throw ApiException.badRequest("delivery.type must be email, download or cloud-storage");
		}
		if ("email".equals(delivery.type())) {
			if (delivery.recipients() == null || delivery.recipients().isEmpty()) {
				throw ApiException.badRequest("delivery.recipients needs at least one e-mail address");
			}
			for (String recipient : delivery.recipients()) {
				if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
					throw ApiException.badRequest("delivery.recipients: '" + recipient + "' is not an e-mail address");
				}
			}
		}
		if ("cloud-storage".equals(delivery.type())) {
			if (delivery.cloudStorage() == null || !PROVIDERS.contains(delivery.cloudStorage().provider())) {
				throw ApiException.badRequest("delivery.cloudStorage.provider must be s3, google-drive or dropbox");
			}
		}
	}

}
