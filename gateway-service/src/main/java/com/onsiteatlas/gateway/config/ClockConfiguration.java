package com.onsiteatlas.gateway.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's one source of time (token expiry checks, identity-token lifetimes):
 * classes take this {@link Clock} instead of reading the wall clock, so a test can set
 * the time. A test that declares its own {@code Clock} bean replaces it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
