package com.onsiteatlas.support.rules;

import java.time.Clock;
import java.time.Instant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.testing.ArchitectureRules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clock and controller rules of {@link ArchitectureRules} fail for the classes they
 * are meant to catch and pass for the ones they allow.
 */
class ClockAndControllerRuleTests {

	@Test
	void refusesAClassThatReadsTheWallClock() {
		assertThatThrownBy(() -> ArchitectureRules.checkClock(classes(ReadsTheWallClock.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Instant.now()");
	}

	@Test
	void allowsTheClockBeanAndItsUsers() {
		assertThatCode(() -> ArchitectureRules.checkClock(classes(ClockConfiguration.class, TakesTheClock.class)))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesAControllerThatQueriesTheStore() {
		assertThatThrownBy(
				() -> ArchitectureRules.checkControllersLeaveTheStoreToServices(classes(QueryingController.class)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("ReactiveMongoTemplate");
	}

	@Test
	void allowsAControllerThatCallsAService() {
		assertThatCode(() -> ArchitectureRules
			.checkControllersLeaveTheStoreToServices(classes(TranslatingController.class, TakesTheClock.class)))
			.doesNotThrowAnyException();
	}

	private static JavaClasses classes(Class<?>... types) {
		return new ClassFileImporter().importClasses(types);
	}

	static class ReadsTheWallClock {

		Instant today() {
			return Instant.now();
		}

	}

	static class ClockConfiguration {

		Clock clock() {
			return Clock.systemUTC();
		}

	}

	static class TakesTheClock {

		private final Clock clock;

		TakesTheClock(Clock clock) {
			this.clock = clock;
		}

		Instant today() {
			return this.clock.instant();
		}

	}

	@RestController
	static class QueryingController {

		private final ReactiveMongoTemplate mongo;

		QueryingController(ReactiveMongoTemplate mongo) {
			this.mongo = mongo;
		}

		Object count() {
			return this.mongo.count(new org.springframework.data.mongodb.core.query.Query(), "bookings");
		}

	}

	@RestController
	static class TranslatingController {

		private final TakesTheClock service;

		TranslatingController(TakesTheClock service) {
			this.service = service;
		}

		Instant today() {
			return this.service.today();
		}

	}

}
