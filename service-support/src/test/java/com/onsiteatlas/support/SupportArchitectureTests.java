package com.onsiteatlas.support;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SupportArchitectureTests {

	@Test
	void plumbingNeverDependsOnAService() {
		noClasses().that()
			.resideInAPackage("com.onsiteatlas.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("com.onsiteatlas.notification..", "com.onsiteatlas.lodging..",
					"com.onsiteatlas.reporting..", "com.onsiteatlas.gateway..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.onsiteatlas.support"));
	}

	@Test
	void takesBusinessTimeOnlyFromTheInjectedClock() {
		ArchitectureRules
			.checkClock(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.onsiteatlas.support"));
	}

}
