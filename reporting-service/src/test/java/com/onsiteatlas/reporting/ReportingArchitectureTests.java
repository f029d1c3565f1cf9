package com.onsiteatlas.reporting;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.testing.ArchitectureRules;

class ReportingArchitectureTests {

	@Test
	void followsThePackageRules() {
		ArchitectureRules.check("com.onsiteatlas.reporting");
	}

	@Test
	void keepsEveryMainClassToOneJob() {
		ArchitectureRules.checkClassSizes("com.onsiteatlas.reporting", 300);
	}

	@Test
	void keepsQueriesAndUpdatesInRepositories() {
		ArchitectureRules.checkPersistenceInRepositories("com.onsiteatlas.reporting");
	}

}
