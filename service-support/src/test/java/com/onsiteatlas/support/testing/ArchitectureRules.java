package com.onsiteatlas.support.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every service follows (see ../shared/style/HOUSE-STYLE.md): package
 * by feature, no catch-all packages, no cycles between features, controllers only used by
 * the web layer, no Lombok.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	public static void check(String basePackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
		noClasses().should()
			.resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..impl..")
			.because("features own their code; there are no catch-all packages")
			.allowEmptyShould(true)
			.check(classes);
		slices().matching(basePackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.because("features talk through public services, never in circles")
			.allowEmptyShould(true)
			.check(classes);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("lombok..")
			.because("records replace Lombok")
			.allowEmptyShould(true)
			.check(classes);
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.onlyHaveDependentClassesThat()
			.haveNameMatching(".*Controller.*")
			.because("controllers are entry points, not collaborators")
			.allowEmptyShould(true)
			.check(classes);
		noClasses().that()
			.resideInAPackage("com.onsiteatlas.support..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(basePackage + "..")
			.allowEmptyShould(true)
			.check(classes);
	}

}
