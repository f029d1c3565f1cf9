package com.onsiteatlas.domainevents.export;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.onsiteatlas.domainevents.AllowedValues;
import com.onsiteatlas.domainevents.DomainEventPayload;

/** An export job failed; {@code eventId} is null for exports across conferences. */
public record ExportFailed(String eventId, @JsonProperty(required = true) String exportId, String exportConfigId,
		String scheduleId, @JsonProperty(required = true) @AllowedValues("excel|csv|pdf") String exportType,
		@JsonProperty(required = true) String dataType, @JsonProperty(required = true) String errorMessage,
		String requestedBy, @JsonProperty(required = true) Instant failedAt,
		@JsonProperty(required = true) Instant occurredAt) implements DomainEventPayload {

	public ExportFailed {
		Objects.requireNonNull(exportId, "exportId is required");
		Objects.requireNonNull(exportType, "exportType is required");
		Objects.requireNonNull(dataType, "dataType is required");
		Objects.requireNonNull(errorMessage, "errorMessage is required");
		Objects.requireNonNull(failedAt, "failedAt is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
	}

	@Override
	public String aggregateId() {
		return this.exportId;
	}

}
