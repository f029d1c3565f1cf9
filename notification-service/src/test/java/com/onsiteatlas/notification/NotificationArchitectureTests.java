package com.onsiteatlas.notification;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.support.testing.ArchitectureRules;

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
		ArchitectureRules.checkPersistenceInRepositories("com.onsiteatlas.notification");
	}

}
