package com.onsiteatlas.support.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of deleted conferences.
 *
 * @param deletedConference how long a deleted conference's data is kept, hidden and
 * restorable, before it is purged
 * @param purgeInterval how often the purge pass looks for conferences past their window
 * @param purgeEnabled false to never purge (the tombstones stay)
 */
@ConfigurationProperties("atlas.retention")
public record RetentionProperties(@DefaultValue("30d") Duration deletedConference,
		@DefaultValue("1h") Duration purgeInterval, @DefaultValue("true") boolean purgeEnabled) {

}
