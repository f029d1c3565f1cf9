package com.onsiteatlas.notification.delivery;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio callback signatures are checked by twilio-java's RequestValidator.
 */
class TwilioCallbackSignatureTests {

	/** The example of Twilio's webhook security documentation. */
	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
			"Digits", "1234", "From", "+12349013030", "To", "+18005551212");

	private static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

	@Test
	void acceptsTheSignatureOfTwiliosDocumentedExample() {
		assertThat(ProviderCallbacks.twilioSigned("12345", URL, PARAMS, SIGNATURE)).isTrue();
		assertThat(TwilioSignatures.sign("12345", URL, PARAMS)).isEqualTo(SIGNATURE);
	}

	@Test
	void refusesAChangedParameterAnotherTokenOrNoSignature() {
		Map<String, String> changed = new HashMap<>(PARAMS);
		changed.put("Digits", "1235");
		assertThat(ProviderCallbacks.twilioSigned("12345", URL, changed, SIGNATURE)).isFalse();
		assertThat(ProviderCallbacks.twilioSigned("54321", URL, PARAMS, SIGNATURE)).isFalse();
		assertThat(ProviderCallbacks.twilioSigned("12345", URL, PARAMS, null)).isFalse();
		assertThat(ProviderCallbacks.twilioSigned(null, URL, PARAMS, SIGNATURE)).isFalse();
	}

	@Test
	void acceptsTheSameUrlWithOrWithoutTheDefaultPort() {
		// The public base URL may be configured with :443 while Twilio signed it without,
		// and the other way round; the hand-written check refused both.
		assertThat(ProviderCallbacks.twilioSigned("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS,
				SIGNATURE))
			.isTrue();
		String withPort = TwilioSignatures.sign("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
		assertThat(ProviderCallbacks.twilioSigned("12345", URL, PARAMS, withPort)).isTrue();
	}

}
