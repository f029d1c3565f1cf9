package com.onsiteatlas.reporting.export;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;
import com.onsiteatlas.support.messaging.OutboxMessage;

/**
 * An export job and its file (ExportHistory in docs/reporting.md).
 *
 * @param id job id
 * @param event conference, may be null
 * @param exportConfig the config it came from, may be null (inline export)
 * @param scheduleId the schedule that started it, may be null
 * @param name report title
 * @param exportType excel, csv or pdf
 * @param dataType data type
 * @param fields columns
 * @param filters conditions
 * @param sorts order
 * @param dateRange date bounds
 * @param config format options
 * @param user who asked
 * @param recordCount rows written (so far, while processing)
 * @param totalRecords rows matching the export spec, counted when the job starts
 * @param fileSize bytes
 * @param fileUrl where to download it
 * @param fileName download name
 * @param fileId GridFS id
 * @param progress 0 to 100: rows written of {@code totalRecords}, at most 99 until
 * completed
 * @param status pending, processing, completed or failed
 * @param errorMessage why it failed
 * @param attempts how often a worker claimed it
 * @param leaseOwner the worker holding it
 * @param leaseUntil until when the worker's claim holds without a heartbeat
 * @param startedAt first claim
 * @param completedAt completion
 * @param expiresAt when the file is deleted
 * @param expired whether the file was deleted
 * @param createdAt creation
 * @param outbox domain events waiting for the relay
 */
@Document(ExportHistory.COLLECTION)
@CompoundIndex(name = "status_lease", def = "{'status': 1, 'leaseUntil': 1}")
public record ExportHistory(@Id @JsonProperty("_id") String id, @Indexed String event, String exportConfig,
		String scheduleId, String name, String exportType, String dataType, List<String> fields,
		List<RowFilter> filters, List<RowSort> sorts, DateRange dateRange, ExportOptions config, @Indexed String user,
		Long recordCount, Long totalRecords, Long fileSize, String fileUrl, String fileName, @JsonIgnore String fileId,
		Integer progress, ExportStatus status, String errorMessage, Integer attempts, @JsonIgnore String leaseOwner,
		@JsonIgnore Instant leaseUntil, Instant startedAt, Instant completedAt, Instant expiresAt, Boolean expired,
		Instant createdAt, @JsonIgnore List<OutboxMessage> outbox) {

	public static final String COLLECTION = "export_history";

	ExportSpec spec() {
		return new ExportSpec(this.name, this.exportType, this.dataType, this.event, this.fields, this.filters,
				this.sorts, this.dateRange, this.config);
	}

}
