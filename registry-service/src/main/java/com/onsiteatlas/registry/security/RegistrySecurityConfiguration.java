package com.onsiteatlas.registry.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may talk to the registry: registering, renewing, changing an instance's status and
 * reading the registrations all need the registry account (HTTP Basic, as Eureka clients
 * send it when their {@code defaultZone} URL carries credentials). Only health and info
 * stay open, for the orchestrator's probes. Without this, anyone who reached the registry
 * could register a rogue instance of a service, or take the real ones out of service, and
 * receive the gateway's proxied requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class RegistrySecurityConfiguration {

	static final String ROLE = "REGISTRY_CLIENT";

	@Bean
	SecurityFilterChain registrySecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
						.permitAll()
						.anyRequest()
						.hasRole(ROLE))
			.httpBasic(Customizer.withDefaults())
			// Eureka clients send no CSRF token; the API is authenticated by every
			// request's header.
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * The account, its password kept as configured: it is a shared secret from the
	 * environment, not a user's password, and every heartbeat checks it, so a slow
	 * password hash would only cost CPU. The comparison takes constant time.
	 */
	@Bean
	UserDetailsService registryAccount(RegistryProperties properties) {
		return new InMemoryUserDetailsManager(
				User.withUsername(properties.username()).password(properties.password()).roles(ROLE).build());
	}

	@Bean
	PasswordEncoder registryPasswordComparison() {
		return new ConstantTimePasswordComparison();
	}

}
