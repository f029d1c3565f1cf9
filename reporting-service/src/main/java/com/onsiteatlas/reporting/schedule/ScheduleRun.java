package com.onsiteatlas.reporting.schedule;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One occurrence of a schedule. Its id is {@code <scheduleId>:<occurrence epoch ms>}, so
 * inserting it is the claim: a second replica (or a restarted one) collides on the id and
 * does not run the occurrence again.
 *
 * @param id occurrence id
 * @param scheduleId the schedule
 * @param occurrence the planned time (or the request time of a run-now)
 * @param status claimed, exporting, delivered or failed
 * @param jobId the export job
 * @param deliveredTo where the file went
 * @param error failure reason
 * @param leaseOwner the instance working on it
 * @param leaseUntil until when that instance holds it without renewing
 * @param createdAt creation
 * @param completedAt delivery or failure time
 */
@Document(ScheduleRun.COLLECTION)
public record ScheduleRun(@Id @JsonProperty("_id") String id, @Indexed String scheduleId, Instant occurrence,
		ScheduleRunStatus status, String jobId, String deliveredTo, String error, @JsonIgnore String leaseOwner,
		@JsonIgnore Instant leaseUntil, Instant createdAt, Instant completedAt) {

	public static final String COLLECTION = "report_schedule_runs";

}
