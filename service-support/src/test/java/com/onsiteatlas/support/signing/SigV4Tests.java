package com.onsiteatlas.support.signing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Signature Version 4 against AWS's published test suite (aws-sig-v4-test-suite,
 * credentials {@code AKIDEXAMPLE}, 2015-08-30T12:36:00Z, us-east-1, service
 * {@code service}).
 */
class SigV4Tests {

	static final SigV4.Credentials EXAMPLE = new SigV4.Credentials("AKIDEXAMPLE",
			"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

	static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");

	static final String EMPTY_HASH = SigV4.sha256Hex(new byte[0]);

	@Test
	void signsAwsGetVanillaVector() {
		Map<String, String> headers = SigV4.sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(),
				EMPTY_HASH, EXAMPLE, "us-east-1", "service", TIME);
		assertThat(headers).containsEntry("X-Amz-Date", "20150830T123600Z");
		assertThat(headers.get("Authorization"))
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, "
					+ "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
	}

	@Test
	void sortsTheQueryAsAwsGetVanillaQueryOrderKeyCaseVector() {
		Map<String, String> headers = SigV4.sign("GET",
				URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"), Map.of(), EMPTY_HASH, EXAMPLE,
				"us-east-1", "service", TIME);
		assertThat(headers.get("Authorization"))
			.endsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
	}

	@Test
	void signsContentTypeAndBodyHashSoAChangedBodyOrKeyFailsVerification() {
		URI uri = URI.create("https://sns.eu-west-1.amazonaws.com/");
		Map<String, String> given = Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
		String body = SigV4.sha256Hex("Action=Publish&Message=Hi".getBytes(StandardCharsets.UTF_8));
		String signed = SigV4.sign("POST", uri, given, body, EXAMPLE, "eu-west-1", "sns", TIME).get("Authorization");
		assertThat(signed).contains("SignedHeaders=content-type;host;x-amz-date");
		String otherBody = SigV4.sha256Hex("Action=Publish&Message=Ho".getBytes(StandardCharsets.UTF_8));
		assertThat(SigV4.sign("POST", uri, given, otherBody, EXAMPLE, "eu-west-1", "sns", TIME).get("Authorization"))
			.isNotEqualTo(signed);
		assertThat(SigV4
			.sign("POST", uri, given, body, new SigV4.Credentials("AKIDEXAMPLE", "other"), "eu-west-1", "sns", TIME)
			.get("Authorization")).isNotEqualTo(signed);
	}

	@Test
	void signsS3RequestsWithTheContentHashHeader() {
		Map<String, String> headers = SigV4.signS3("PUT",
				URI.create("https://bucket.s3.amazonaws.com/" + SigV4.encodePath("a b/ü.csv")), Map.of(), EMPTY_HASH,
				EXAMPLE, "us-east-1", TIME);
		assertThat(headers).containsEntry("x-amz-content-sha256", EMPTY_HASH);
		assertThat(headers.get("Authorization")).contains("/us-east-1/s3/aws4_request")
			.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date");
		assertThat(SigV4.encodePath("a b/ü.csv")).isEqualTo("a%20b/%C3%BC.csv");
	}

	@Test
	void canonicalQueryEncodesAndSortsNamesThenValues() {
		assertThat(SigV4.canonicalQuery("b=2&a=%2B1&a=0&c")).isEqualTo("a=%2B1&a=0&b=2&c=");
	}

}
