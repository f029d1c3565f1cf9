package com.onsiteatlas.lodging.audit;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

import com.onsiteatlas.support.security.AtlasPrincipal;

/**
 * Who did something, for the audit log.
 *
 * @param userId the caller's id
 * @param type staff or registrant
 * @param role the caller's role
 * @param ip the client address as the gateway saw it: the last {@code X-Forwarded-For}
 * hop (the one the gateway appended; earlier hops can be written by the client), else the
 * peer
 * @param forwardedFor the whole {@code X-Forwarded-For} chain, for investigations
 */
public record Actor(String userId, String type, String role, String ip, String forwardedFor) {

	public static Actor of(AtlasPrincipal principal, ServerHttpRequest request) {
		String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
		String ip = null;
		if (forwarded != null && !forwarded.isBlank()) {
			String[] hops = forwarded.split(",");
			ip = hops[hops.length - 1].trim();
		}
		else {
			InetSocketAddress remote = request.getRemoteAddress();
			ip = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		}
		String chain = (forwarded != null && forwarded.length() > 300) ? forwarded.substring(0, 300) : forwarded;
		return new Actor(principal.userId(), (principal.type() != null) ? principal.type().name().toLowerCase() : null,
				principal.role(), ip, chain);
	}

	/**
	 * The service itself, for deletions caused by domain events.
	 * @param reason what caused it
	 * @return the actor
	 */
	public static Actor system(String reason) {
		return new Actor("system", "system", reason, null, null);
	}

}
