package com.onsiteatlas.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house package rules: package by feature, no catch-all packages, no cycles between
 * features, no Lombok, and nothing that blocks on the request path.
 */
class GatewayArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.onsiteatlas.gateway");

	@Test
	void hasNoCatchAllPackages() {
		noClasses().should()
			.resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..impl..")
			.check(this.classes);
	}

	@Test
	void hasNoCyclesBetweenFeatures() {
		slices().matching("com.onsiteatlas.gateway.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void usesNeitherLombokNorSpringSecurity() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("lombok..", "org.springframework.security..")
			.check(this.classes);
	}

	@Test
	void takesTimeOnlyFromTheClockBean() {
		noClasses().that()
			.doNotHaveSimpleName("ClockConfiguration")
			.should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(java.time.Clock.class, "systemUTC")
			.orShould()
			.callConstructor(java.util.Date.class)
			.because("token lifetimes are checked against the Clock bean, so a test can set the time")
			.check(this.classes);
	}

	@Test
	void neverBlocksOrSleeps() {
		noClasses().should()
			.callMethod(reactor.core.publisher.Mono.class, "block")
			.orShould()
			.callMethod(reactor.core.publisher.Flux.class, "blockLast")
			.orShould()
			.callMethod(Thread.class, "sleep", long.class)
			.check(this.classes);
	}

}
