package com.onsiteatlas.reporting.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A report schedule (ReportSchedule in docs/reporting.md) with its run bookkeeping.
 *
 * @param id id
 * @param name name
 * @param report a ready-made report template id (one of report, definition and
 * exportConfig)
 * @param definition a report built in the report builder: its request body as sent
 * (relative date ranges are resolved at each run); absent from the JSON of other
 * schedules
 * @param exportConfig the export config that produces the file
 * @param eventId the conference: a template's or definition's, or the export config's
 * (null when the config exports every conference)
 * @param format pdf, excel or csv of a template or definition report
 * @param schedule when
 * @param delivery where
 * @param isActive whether it runs
 * @param isGlobal whether every staff user sees it (otherwise only its creator)
 * @param lastRun last occurrence started
 * @param nextRun next occurrence
 * @param lastStatus success or failed
 * @param lastError reason of the last failure
 * @param failureCount failures since the last success
 * @param createdBy creator
 * @param createdAt creation
 * @param updatedAt last change
 */
@Document(ReportSchedule.COLLECTION)
public record ReportSchedule(@Id @JsonProperty("_id") String id, String name, String report,
		@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> definition, String exportConfig, String eventId,
		String format, Timing schedule, Delivery delivery,
		@JsonProperty("isActive") @Field("isActive") boolean isActive,
		@JsonProperty("isGlobal") @Field("isGlobal") Boolean isGlobal, Instant lastRun, @Indexed Instant nextRun,
		String lastStatus, String lastError, Integer failureCount, String createdBy, Instant createdAt,
		Instant updatedAt) {

	public static final String COLLECTION = "report_schedules";

	/**
	 * The schedule as shown by the API: cloud storage secrets masked.
	 * @return a copy without secrets
	 */
	ReportSchedule redacted() {
		if (this.delivery == null || this.delivery.cloudStorage() == null
				|| this.delivery.cloudStorage().config() == null) {
			return this;
		}
		Map<String, Object> masked = new LinkedHashMap<>(this.delivery.cloudStorage().config());
		masked.replaceAll((key, value) -> ScheduleSecrets.SECRET_KEYS.contains(key) ? ScheduleSecrets.MASK : value);
		CloudStorage storage = new CloudStorage(this.delivery.cloudStorage().provider(),
				this.delivery.cloudStorage().path(), masked);
		return new ReportSchedule(this.id, this.name, this.report, this.definition, this.exportConfig, this.eventId,
				this.format, this.schedule,
				new Delivery(this.delivery.type(), this.delivery.recipients(), this.delivery.subject(),
						this.delivery.message(), storage),
				this.isActive, this.isGlobal, this.lastRun, this.nextRun, this.lastStatus, this.lastError,
				this.failureCount, this.createdBy, this.createdAt, this.updatedAt);
	}

	/**
	 * When a schedule runs.
	 *
	 * @param frequency daily, weekly, monthly or custom
	 * @param dayOfWeek 0 = Sunday ... 6 = Saturday (weekly)
	 * @param dayOfMonth 1 to 31 (monthly; the last day in shorter months)
	 * @param time {@code HH:mm} in the time zone
	 * @param timezone IANA zone, UTC by default
	 * @param customCron cron expression (custom): 5 fields (minute hour day month
	 * weekday) or Spring's 6 fields
	 */
	public record Timing(String frequency, Integer dayOfWeek, Integer dayOfMonth, String time, String timezone,
			String customCron) {
	}

	/**
	 * How the file is delivered.
	 *
	 * @param type email, download or cloud-storage
	 * @param recipients e-mail addresses
	 * @param subject e-mail subject
	 * @param message e-mail text
	 * @param cloudStorage cloud target
	 */
	public record Delivery(String type, @Size(max = 100) List<String> recipients, @Size(max = 300) String subject,
			@Size(max = 5000) String message, CloudStorage cloudStorage) {
	}

	/**
	 * A cloud storage target.
	 *
	 * @param provider s3, google-drive or dropbox
	 * @param path folder or key prefix
	 * @param config provider settings: s3 {endpoint, bucket, region, accessKeyId,
	 * secretAccessKey}; google-drive {refreshToken, accessToken, clientId, clientSecret,
	 * folderId}; dropbox {refreshToken, accessToken, clientId, clientSecret} (the OAuth
	 * client is the operator's when clientId is absent)
	 */
	public record CloudStorage(String provider, String path, Map<String, Object> config) {
	}

}
