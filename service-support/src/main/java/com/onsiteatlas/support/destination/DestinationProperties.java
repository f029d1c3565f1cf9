package com.onsiteatlas.support.destination;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's allow-list of organiser-supplied destinations
 * ({@code atlas.destinations.*}); configuration only, never the API.
 *
 * @param allowedHosts host names (matched as written) and CIDR networks (matched against
 * resolved addresses) that may be internal; empty in production, the local stand-ins in
 * the embedded suite and the tests
 */
@ConfigurationProperties("atlas.destinations")
public record DestinationProperties(List<String> allowedHosts) {

	public DestinationProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
	}

	/**
	 * The policy these settings describe.
	 * @return the policy
	 */
	public DestinationPolicy policy() {
		return new DestinationPolicy(this.allowedHosts);
	}

}
