package com.onsiteatlas.reporting.favorite;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's favourite.
 *
 * @param id id
 * @param userId whose favourite it is
 * @param kind exportConfig, template or builder
 * @param targetId the export config id or template id; null for a builder definition
 * @param eventId the event it is a favourite for, null for any event
 * @param name display name
 * @param definition the saved ReportBuilder request of a builder favourite
 * @param uniqueKey one favourite per user, kind, target and event
 * @param createdAt when it was marked
 */
@Document(Favorite.COLLECTION)
@CompoundIndex(name = "user_key", def = "{'userId': 1, 'uniqueKey': 1}", unique = true)
record Favorite(@Id @JsonProperty("_id") String id, String userId, String kind, String targetId, String eventId,
		String name, Map<String, Object> definition, @JsonIgnore String uniqueKey, Instant createdAt) {

	static final String COLLECTION = "report_favorites";

	static final String EXPORT_CONFIG = "exportConfig";

	static final String TEMPLATE = "template";

	static final String BUILDER = "builder";

}
