package com.onsiteatlas.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The metrics scraper's account (HTTP Basic on {@code /actuator/prometheus}): one user
 * and password from configuration, compared in constant time. Without a password nobody
 * signs in.
 */
class MetricsScraperAccount implements ReactiveAuthenticationManager {

	private final byte[] user;

	private final byte[] password;

	MetricsScraperAccount(String user, String password) {
		this.user = (user != null && !user.isBlank()) ? digest(user) : null;
		this.password = (password != null && !password.isEmpty()) ? digest(password) : null;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (this.user == null || this.password == null) {
			return Mono.error(new BadCredentialsException("No metrics account is configured"));
		}
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		boolean userMatches = MessageDigest.isEqual(this.user, digest((name != null) ? name : ""));
		boolean passwordMatches = MessageDigest.isEqual(this.password,
				digest((credentials != null) ? credentials.toString() : ""));
		if (!userMatches || !passwordMatches) {
			return Mono.error(new BadCredentialsException("Wrong metrics account"));
		}
		return Mono.just(UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_metrics"))));
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

}
