package com.onsiteatlas.support.retention;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The tombstone of a conference an event-deleted removed.
 *
 * @param eventId the conference id
 * @param deletedAt when this service recorded the deletion
 * @param purgeAfter when its data may be purged
 * @param status deleted or purged
 * @param purgedAt when its data was purged, null before
 */
@Document(DeletedConference.COLLECTION)
public record DeletedConference(@Id String eventId, Instant deletedAt, Instant purgeAfter, TombstoneStatus status,
		Instant purgedAt) {

	/** The collection, in each service's own database. */
	public static final String COLLECTION = "conference_tombstones";

}
