package com.onsiteatlas.domainevents.export;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.DomainEventPayload;

/**
 * An export job finished; {@code eventId} is null for exports across conferences,
 * {@code fileSize} is in bytes.
 */
public record ExportCompleted(String eventId, @JsonProperty(required = true) String exportId, String exportConfigId,
		String scheduleId, @JsonProperty(required = true) @AllowedValues("excel|csv|pdf") String exportType,
		@JsonProperty(required = true) String dataType, long recordCount, long fileSize, String fileName,
		String requestedBy, @JsonProperty(required = true) Instant completedAt,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public ExportCompleted {
		Objects.requireNonNull(exportId, "exportId is required");
		Objects.requireNonNull(exportType, "exportType is required");
		Objects.requireNonNull(dataType, "dataType is required");
		Objects.requireNonNull(completedAt, "completedAt is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.exportId;
	}

}
