package com.onsiteatlas.notification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.onsiteatlas.support.testing.MutableClock;

/**
 * Replaces service-support's system clock in the integration tests with one a test can
 * move (and {@link NotificationIntegrationTest} puts back after each test).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

	@Bean
	MutableClock clock() {
		return new MutableClock();
	}

}
