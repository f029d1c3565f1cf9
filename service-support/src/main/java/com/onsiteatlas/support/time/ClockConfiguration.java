package com.onsiteatlas.support.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one source of business time of every service: classes take this {@link Clock}
 * instead of calling {@code Instant.now()}, so a test can set the time of day it needs. A
 * service or a test that declares its own {@code Clock} bean replaces it.
 */
@AutoConfiguration
public class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
