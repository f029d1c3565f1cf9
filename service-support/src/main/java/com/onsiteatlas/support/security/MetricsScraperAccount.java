package com.onsiteatlas.support.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.onsiteatlas.identity.secrets.SecretComparison;

/**
 * The metrics scraper's account (HTTP Basic on {@code /actuator/prometheus}): one user
 * and password from configuration, compared in constant time. Without a password nobody
 * signs in.
 */
class MetricsScraperAccount implements ReactiveAuthenticationManager {

	private final String user;

	private final String password;

	MetricsScraperAccount(String user, String password) {
		this.user = (user != null && !user.isBlank()) ? user : null;
		this.password = (password != null && !password.isEmpty()) ? password : null;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (this.user == null || this.password == null) {
			return Mono.error(new BadCredentialsException("No metrics account is configured"));
		}
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		boolean userMatches = SecretComparison.matches(name, this.user);
		boolean passwordMatches = SecretComparison.matches((credentials != null) ? credentials.toString() : null,
				this.password);
		if (!userMatches || !passwordMatches) {
			return Mono.error(new BadCredentialsException("Wrong metrics account"));
		}
		return Mono.just(UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_metrics"))));
	}

}
