package com.onsiteatlas.lodging;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.testing.ArchitectureRules;

class LodgingTravelArchitectureTests {

	@Test
	void followsThePackageRules() {
		ArchitectureRules.check("com.onsiteatlas.lodging");
	}

	@Test
	void keepsEveryMainClassToOneJob() {
		ArchitectureRules.checkClassSizes("com.onsiteatlas.lodging", 300);
	}

	@Test
	void keepsQueriesAndUpdatesInRepositories() {
		ArchitectureRules.checkPersistenceInRepositories("com.onsiteatlas.lodging");
	}

}
