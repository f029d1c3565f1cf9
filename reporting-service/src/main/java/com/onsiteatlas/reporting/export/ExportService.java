package com.onsiteatlas.reporting.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.audit.ReportingAuditAction;
import com.onsiteatlas.support.audit.AuditLog;
import com.onsiteatlas.support.audit.AuditRecord;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.retention.DeletedConferences;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Export jobs: queueing, status, history and files. The work itself is done by
 * {@link ExportWorker}.
 */
@Service
public class ExportService {

	private final ExportHistoryRepository jobs;

	private final ExportConfigRepository configRepository;

	private final ExportFiles files;

	private final ExportConfigService configs;

	private final ExportWorker worker;

	private final ExportProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final DeletedConferences deleted;

	ExportService(ExportHistoryRepository jobs, ExportConfigRepository configRepository, ExportFiles files,
			ExportConfigService configs, ExportWorker worker, ExportProperties properties, Clock clock, AuditLog audit,
			DeletedConferences deleted) {
		this.deleted = deleted;
		this.jobs = jobs;
		this.configRepository = configRepository;
		this.audit = audit;
		this.properties = properties;
		this.files = files;
		this.configs = configs;
		this.worker = worker;
		this.clock = clock;
	}

	Mono<ExportHistory> generate(AtlasPrincipal user, GenerateRequest request) {
		Mono<ExportSpec> spec = (request.exportConfigId() != null)
				? this.configs.get(user, request.exportConfigId()).map((config) -> fromConfig(config, request))
				: Mono.fromCallable(() -> inline(request));
		return spec.flatMap((resolved) -> {
			if (resolved.eventId() != null && !user.canReachEvent(resolved.eventId())) {
				return Mono.error(ApiException.forbidden("You cannot export data of this event"));
			}
			return enqueue(resolved, user.userId(), request.exportConfigId(), null);
		});
	}

	private ExportSpec fromConfig(ExportConfig config, GenerateRequest request) {
		String eventId = (config.event() != null) ? config.event() : eventOf(request);
		ExportSpec spec = new ExportSpec((request.name() != null) ? request.name() : config.name(),
				(request.exportType() != null) ? request.exportType() : config.exportType(), config.dataType(), eventId,
				config.fields(), config.filters(), config.sorts(), request.dateRange(), config.config());
		return checked(spec);
	}

	private ExportSpec inline(GenerateRequest request) {
		if (request.dataType() == null || request.exportType() == null) {
			throw ApiException.badRequest("Give exportConfigId, or dataType and exportType (excel, csv or pdf)");
		}
		return checked(new ExportSpec(request.name(), request.exportType(), request.dataType(), eventOf(request),
				request.fields(), request.filters(), request.sorts(), request.dateRange(),
				(request.config() != null) ? request.config() : ExportOptions.defaults()));
	}

	private static String eventOf(GenerateRequest request) {
		String eventId = (request.event() != null) ? request.event() : request.eventId();
		return (eventId != null) ? ObjectIds.require(eventId, "event") : null;
	}

	private ExportSpec checked(ExportSpec spec) {
		FileFormat format = FileFormat.of(spec.exportType());
		if (format == null) {
			throw ApiException.badRequest("exportType must be one of excel, csv, pdf");
		}
		this.configs.checkSpec(spec.dataType(), spec.eventId(), spec.fields(), spec.filters(), spec.sorts(),
				spec.dateRange(), spec.config());
		return new ExportSpec(spec.name(), format.exportType(), spec.dataType(), spec.eventId(), spec.fields(),
				spec.filters(), spec.sorts(), spec.dateRange(), spec.config());
	}

	/**
	 * Queues a job; a worker picks it up at once.
	 * @param spec a checked spec
	 * @param userId who asked (null for schedules)
	 * @param configId the config it came from, may be null
	 * @param scheduleId the schedule that started it, may be null
	 * @return the pending job
	 */
	public Mono<ExportHistory> enqueue(ExportSpec spec, String userId, String configId, String scheduleId) {
		if (spec.eventId() == null) {
			return insert(spec, userId, configId, scheduleId);
		}
		// A deleted conference exports nothing, asked by a user or by a schedule.
		return this.deleted.isDeleted(spec.eventId())
			.flatMap((gone) -> gone
					? Mono.<ExportHistory>error(new ApiException(HttpStatus.GONE,
							"Conference " + spec.eventId() + " was deleted; nothing of it can be exported"))
					: insert(spec, userId, configId, scheduleId));
	}

	private Mono<ExportHistory> insert(ExportSpec spec, String userId, String configId, String scheduleId) {
		ExportHistory job = new ExportHistory(new ObjectId().toHexString(), spec.eventId(), configId, scheduleId,
				spec.name(), spec.exportType(), spec.dataType(), spec.fields(), spec.filters(), spec.sorts(),
				spec.dateRange(), spec.config(), userId, 0L, null, null, null, null, null, 0, ExportStatus.PENDING,
				null, 0, null, null, null, null, null, false, this.clock.instant(), List.of());
		return this.jobs.insert(job).doOnSuccess((saved) -> this.worker.nudge());
	}

	/**
	 * Keeps a file produced outside an export job (a scheduled template report) as a
	 * completed job, so that it can be downloaded from the history and linked in an
	 * e-mail like any export, and expires like one.
	 * @param title report title
	 * @param dataType data type of the report
	 * @param eventId conference, may be null
	 * @param format file format
	 * @param fileName download name
	 * @param file the file, streamed into GridFS (encrypted)
	 * @param size its size in bytes
	 * @param userId owner (who may download it besides admins and managers)
	 * @param scheduleId the schedule that produced it
	 * @return the completed job
	 */
	public Mono<ExportHistory> keep(String title, String dataType, String eventId, FileFormat format, String fileName,
			Path file, long size, String userId, String scheduleId) {
		String id = new ObjectId().toHexString();
		return this.files.store(id, fileName, format, file).flatMap((fileId) -> {
			Instant now = this.clock.instant();
			ExportHistory job = new ExportHistory(id, eventId, null, scheduleId, title, format.exportType(), dataType,
					List.of(), List.of(), List.of(), null, null, userId, null, null, size, "/api/export/download/" + id,
					fileName, fileId.toHexString(), 100, ExportStatus.COMPLETED, null, 0, null, null, now, now,
					now.plus(this.properties.fileRetention()), false, now, List.of());
			return this.jobs.insert(job);
		});
	}

	/**
	 * A checked spec for a saved config, for schedules.
	 * @param configId config id
	 * @param eventId the schedule's event, used when the config has none; may be null
	 * @return the export spec
	 */
	public Mono<ExportSpec> specOf(String configId, String eventId) {
		return this.configRepository.findById(configId)
			.switchIfEmpty(Mono.error(() -> ApiException.badRequest("Export config " + configId + " does not exist")))
			.map((config) -> checked(new ExportSpec(config.name(), config.exportType(), config.dataType(),
					(config.event() != null) ? config.event() : eventId, config.fields(), config.filters(),
					config.sorts(), null, config.config())));
	}

	/**
	 * A job the user may see, by the rule of the history: their own, or any for admins
	 * and managers; a token bound to an event only jobs of that event. 404 otherwise.
	 */
	Mono<ExportHistory> job(AtlasPrincipal user, String id) {
		ObjectIds.require(id, "id");
		return this.jobs.findById(id)
			.filter((job) -> (user.isManaging() || user.userId().equals(job.user()))
					&& (user.eventId() == null || user.eventId().equals(job.event())))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Export job not found")));
	}

	/**
	 * A job by id, for schedules.
	 * @param id job id
	 * @return the job
	 */
	public Mono<ExportHistory> job(String id) {
		return this.jobs.findById(id);
	}

	Mono<Paged<ExportHistory>> history(AtlasPrincipal user, HistoryFilter filter, PageQuery page) {
		String eventId = (filter.event() != null) ? ObjectIds.require(filter.event(), "event") : null;
		String status = (filter.status() != null) ? ExportStatus.of(filter.status()).value() : null;
		String exportType = (filter.exportType() != null) ? filter.exportType().toLowerCase(Locale.ROOT) : null;
		Instant from;
		Instant to;
		try {
			from = (filter.from() != null) ? RowService.instant(filter.from()) : null;
			to = (filter.to() != null) ? RowService.instant(filter.to()) : null;
		}
		catch (RuntimeException ex) {
			throw ApiException.badRequest("from and to must be ISO dates");
		}
		HistorySearch search = new HistorySearch(user.isManaging() ? null : user.userId(), user.eventId(), eventId,
				status, filter.dataType(), exportType, from, to);
		return this.jobs.page(search, page);
	}

	/**
	 * The file of a completed job for its download by the caller, who is audited once the
	 * file is found (an export of every conference is audited without one).
	 * @param job the job
	 * @return its bytes
	 */
	Mono<Flux<DataBuffer>> download(ExportHistory job) {
		return content(job).flatMap((stream) -> this.audit.record(
				AuditRecord.of(job.event(), ReportingAuditAction.EXPORT_DOWNLOADED, "export", job.id(), job.dataType()
						+ " " + job.exportType() + " '" + job.fileName() + "', " + job.recordCount() + " record(s)"))
			.thenReturn(stream));
	}

	/**
	 * The file of a completed job; errors (not ready, failed, expired) come before any
	 * byte.
	 * @param job the job
	 * @return its bytes, streamed from GridFS and decrypted on the way
	 */
	public Mono<Flux<DataBuffer>> content(ExportHistory job) {
		if (job.status() == ExportStatus.FAILED) {
			return Mono.error(ApiException.conflict("The export failed: " + job.errorMessage()));
		}
		if (job.status() != ExportStatus.COMPLETED) {
			return Mono.error(ApiException.conflict("The export is not ready yet (" + job.status() + ")"));
		}
		if (Boolean.TRUE.equals(job.expired()) || job.fileId() == null) {
			return Mono.error(ApiException.notFound("The export file has expired"));
		}
		return this.files.read(job.id(), job.fileId())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("The export file has expired")));
	}

	/**
	 * Filters of the history list.
	 *
	 * @param event conference
	 * @param status job status
	 * @param dataType data type
	 * @param exportType export type
	 * @param from created at or after
	 * @param to created at or before
	 */
	record HistoryFilter(String event, String status, String dataType, String exportType, String from, String to) {
	}

}
