package com.onsiteatlas.notification.delivery;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.readmodel.ConferenceView;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void readsNationalNumbersInTheConferencesCountryAndInternationalOnesInAny() {
		assertThat(PhoneNumbers.normalise("98765 43210", "IN")).isEqualTo("+919876543210");
		assertThat(PhoneNumbers.normalise("098765 43210", "IN")).isEqualTo("+919876543210");
		assertThat(PhoneNumbers.normalise("+91 98765-43210", "IN")).isEqualTo("+919876543210");
		assertThat(PhoneNumbers.normalise("+91 98765-43210", PhoneNumbers.UNKNOWN)).isEqualTo("+919876543210");
		assertThat(PhoneNumbers.normalise("+919876543210", "US")).isEqualTo("+919876543210");
	}

	@Test
	void keepsWhatIsNotAValidNumberAsGivenForTheChannelToRefuse() {
		assertThat(PhoneNumbers.normalise("98765 43210", PhoneNumbers.UNKNOWN)).isEqualTo("98765 43210");
		assertThat(PhoneNumbers.normalise("12345", "IN")).isEqualTo("12345");
		assertThat(PhoneNumbers.normalise("call me", "IN")).isEqualTo("call me");
		assertThat(PhoneNumbers.normalise((String) null, "IN")).isNull();
	}

	@Test
	void takesTheCountryFromTheVenueElseFromTheLocale() {
		assertThat(PhoneNumbers.region(conference("India", null))).isEqualTo("IN");
		assertThat(PhoneNumbers.region(conference("IN", null))).isEqualTo("IN");
		assertThat(PhoneNumbers.region(conference("germany", "en-IN"))).isEqualTo("DE");
		assertThat(PhoneNumbers.region(conference(null, "en-IN"))).isEqualTo("IN");
		assertThat(PhoneNumbers.region(conference("Atlantis", "en"))).isEqualTo(PhoneNumbers.UNKNOWN);
	}

	private static ConferenceView conference(String country, String locale) {
		return new ConferenceView("665f1c2ab4d3e8a9c0f12345", "ICC 2025", null, null, "Asia/Kolkata", "published",
				(country != null) ? new Venue("BIEC", null, "Bengaluru", null, country, null) : null, "INR", locale,
				null, false, null);
	}

}
