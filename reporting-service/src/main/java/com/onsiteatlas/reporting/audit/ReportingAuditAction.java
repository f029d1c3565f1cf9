package com.onsiteatlas.reporting.audit;

import com.fasterxml.jackson.annotation.JsonValue;

import com.onsiteatlas.support.wirevalue.WireValue;

/**
 * The sensitive reporting operations the audit trail records.
 */
public enum ReportingAuditAction implements WireValue {

	/** An export file was downloaded. */
	EXPORT_DOWNLOADED("export.downloaded"),
	/** A report schedule was created. */
	SCHEDULE_CREATED("schedule.created"),
	/** A report schedule was changed. */
	SCHEDULE_UPDATED("schedule.updated"),
	/** A report schedule was deleted. */
	SCHEDULE_DELETED("schedule.deleted"),
	/**
	 * A run of a schedule started (its occurrence came, or someone asked to run it now).
	 */
	SCHEDULE_RUN_STARTED("schedule-run.started"),
	/** A run delivered its file. */
	SCHEDULE_RUN_DELIVERED("schedule-run.delivered"),
	/** A run failed. */
	SCHEDULE_RUN_FAILED("schedule-run.failed");

	private final String value;

	ReportingAuditAction(String value) {
		this.value = value;
	}

	@Override
	@JsonValue
	public String value() {
		return this.value;
	}

}
