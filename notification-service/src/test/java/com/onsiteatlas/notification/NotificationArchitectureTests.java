package com.onsiteatlas.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class NotificationArchitectureTests {

	@Test
	void followsThePackageRules() {
		ArchitectureRules.check("com.onsiteatlas.notification");
	}

	@Test
	void keepsEveryMainClassToOneJob() {
		ArchitectureRules.checkClassSizes("com.onsiteatlas.notification", 300);
	}

	@Test
	void keepsQueriesAndUpdatesInRepositories() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.onsiteatlas.notification");
		noClasses().that()
			.haveSimpleNameNotContaining("Repository")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.data.mongodb.core.query..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(ReactiveMongoOperations.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(FindAndModifyOptions.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(MongoPaging.class)
			.because("services call their feature's repository; criteria, updates and the template stay in the"
					+ " *Repository* classes (Spring Data interfaces, their Custom fragments and Impl classes)")
			.check(classes);
	}

}
