package com.onsiteatlas.reporting.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export job settings ({@code atlas.reporting.*}).
 *
 * @param fileRetention how long files are kept
 * @param pollInterval how often the worker looks for jobs (a new job also wakes it)
 * @param lease how long a claim holds without a heartbeat
 * @param concurrency jobs run at once per instance
 * @param maxAttempts claims after which a job that keeps dying is failed
 * @param purgeInterval how often expired files are deleted
 */
@ConfigurationProperties("atlas.reporting")
public record ExportProperties(@DefaultValue("7d") Duration fileRetention, @DefaultValue("10s") Duration pollInterval,
		@DefaultValue("60s") Duration lease, @DefaultValue("2") int concurrency, @DefaultValue("3") int maxAttempts,
		@DefaultValue("10m") Duration purgeInterval) {
}
