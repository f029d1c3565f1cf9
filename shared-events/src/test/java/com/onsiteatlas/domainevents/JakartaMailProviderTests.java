package com.onsiteatlas.domainevents;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JakartaMailProviderTests {

	private String before;

	@BeforeEach
	void rememberProperty() {
		this.before = System.getProperty(JakartaMailProvider.PROPERTY);
		System.clearProperty(JakartaMailProvider.PROPERTY);
	}

	@AfterEach
	void restoreProperty() {
		if (this.before != null) {
			System.setProperty(JakartaMailProvider.PROPERTY, this.before);
		}
		else {
			System.clearProperty(JakartaMailProvider.PROPERTY);
		}
	}

	@Test
	void namesAngusMailsStreamProviderWhenUnset() {
		JakartaMailProvider.nameStreamProvider();
		assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
			.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
	}

	@Test
	void keepsAProviderTheOperatorChose() {
		System.setProperty("jakarta.mail.util.StreamProvider", "com.example.OtherProvider");
		JakartaMailProvider.nameStreamProvider();
		assertThat(System.getProperty("jakarta.mail.util.StreamProvider")).isEqualTo("com.example.OtherProvider");
	}

}
