package com.onsiteatlas.notification.template;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Skeleton document of this feature; its issue fills in the fields of the specification.
 */
@Document("notification_templates")
public record NotificationTemplate(@Id @JsonProperty("_id") String id, String event, String name, Instant createdAt,
		Instant updatedAt) {
}
