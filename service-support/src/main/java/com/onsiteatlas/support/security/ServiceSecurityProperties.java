package com.onsiteatlas.support.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of a business service.
 *
 * @param internalTokenSecret the HS256 key the gateway signs identity tokens with (at
 * least 32 bytes)
 * @param publicPaths extra path patterns that need no identity, e.g. provider webhooks
 * that are verified by their own signatures
 * @param audience the audience an identity token must name to be accepted here: this
 * service's name (defaults to {@code spring.application.name}), the gateway's route host
 * @param metricsUser the metrics scraper's account for {@code /actuator/prometheus} (HTTP
 * Basic)
 * @param metricsPassword its password; when unset nobody reads the metrics
 */
@ConfigurationProperties("atlas.security")
public record ServiceSecurityProperties(String internalTokenSecret, List<String> publicPaths, String audience,
		String metricsUser, String metricsPassword) {

	public ServiceSecurityProperties {
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
	}

}
