package com.onsiteatlas.reporting.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.signing.SigV4;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivery against local stand-ins: GreenMail for SMTP, WireMock for S3, Google Drive and
 * Dropbox; each checks what the provider would check.
 */
class DeliveryTests {

	private static final WireMockServer stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final byte[] CSV = "Registration ID\r\nREG-0001\r\n".getBytes(StandardCharsets.UTF_8);

	private static final ReportFile FILE = new ReportFile("delegates.csv", "text/csv", CSV, CSV.length,
			"/api/export/download/abc");

	private CloudDelivery cloud;

	@BeforeAll
	static void start() {
		stub.start();
	}

	@AfterAll
	static void stop() {
		stub.stop();
	}

	@BeforeEach
	void reset() {
		stub.resetAll();
		stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"drive-file-1\"}")));
		DeliveryProperties properties = new DeliveryProperties("reports@test", DataSize.ofKilobytes(1),
				"https://atlas.example", stub.baseUrl(), stub.baseUrl(), Duration.ofSeconds(5));
		// The operator's allow-list names the local stand-in.
		this.cloud = new CloudDelivery(WebClient.builder(), properties, new DestinationPolicy(List.of("localhost")),
				Clock.systemUTC());
	}

	@Test
	void signsS3RequestsLikeTheAwsExample() {
		// The GET Object example of the AWS Signature Version 4 documentation.
		Map<String, String> headers = SigV4.signS3("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
				Map.of("Range", "bytes=0-9"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
				new SigV4.Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "us-east-1",
				Instant.parse("2013-05-24T00:00:00Z"));
		assertThat(headers.get("Authorization"))
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
					+ "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
					+ "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
	}

	@Test
	void signsAnS3PutOfAKeyWithAReservedCharacterLikeTheAwsExample() {
		// The PUT Object example of the AWS Signature Version 4 documentation
		// (sig-v4-header-based-auth): key test$file.text, canonical URI
		// /test%24file.text.
		byte[] payload = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
		String payloadHash = SigV4.sha256Hex(payload);
		assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
		URI uri = URI.create("https://examplebucket.s3.amazonaws.com/" + SigV4.encodePath("test$file.text"));
		assertThat(uri.getRawPath()).isEqualTo("/test%24file.text");
		Map<String, String> headers = SigV4.signS3("PUT", uri,
				Map.of("Date", "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class", "REDUCED_REDUNDANCY"),
				payloadHash, new SigV4.Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
				"us-east-1", Instant.parse("2013-05-24T00:00:00Z"));
		assertThat(headers.get("Authorization"))
			.isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
					+ "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
					+ "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
		assertThat(headers).containsEntry("X-Amz-Date", "20130524T000000Z")
			.containsEntry("x-amz-storage-class", "REDUCED_REDUNDANCY");
	}

	@Test
	void encodesEveryByteOfAPathButUnreservedCharactersAndSlashes() {
		assertThat(SigV4.encodePath("AZaz09-_.~/x")).isEqualTo("AZaz09-_.~/x");
		assertThat(SigV4.encodePath("a b+c(d)e,f;g=h!i$j&k'l*m:n@o"))
			.isEqualTo("a%20b%2Bc%28d%29e%2Cf%3Bg%3Dh%21i%24j%26k%27l%2Am%3An%40o");
		assertThat(SigV4.encodePath("Bericht-Größe/%#?")).isEqualTo("Bericht-Gr%C3%B6%C3%9Fe/%25%23%3F");
	}

	@Test
	void sendsTheEncodedKeyAsThePathItSigned() {
		String location = this.cloud
			.upload("s3", "reports/Q1 (final)",
					Map.of("endpoint", stub.baseUrl(), "bucket", "atlas", "accessKeyId", "AKIDTEST", "secretAccessKey",
							"secret"),
					new ReportFile("a+b $1.csv", "text/csv", CSV, CSV.length, null))
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("s3://atlas/reports/Q1 (final)/a+b $1.csv");
		LoggedRequest request = stub.getAllServeEvents().get(0).getRequest();
		assertThat(request.getUrl()).isEqualTo("/atlas/reports/Q1%20%28final%29/a%2Bb%20%241.csv");
		Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC)
			.parse(request.getHeader("x-amz-date"), Instant::from);
		// The stand-in signs what it received: the canonical URI is the path as sent.
		String expected = SigV4
			.signS3("PUT", URI.create(stub.baseUrl() + request.getUrl()), Map.of("content-type", "text/csv"),
					SigV4.sha256Hex(CSV), new SigV4.Credentials("AKIDTEST", "secret"), "us-east-1", signedAt)
			.get("Authorization");
		assertThat(request.getHeader("Authorization")).isEqualTo(expected);
	}

	@Test
	void uploadsToAnS3CompatibleEndpointWithAValidSignature() {
		String location = this.cloud
			.upload("s3", "reports/daily",
					Map.of("endpoint", stub.baseUrl(), "bucket", "atlas", "region", "eu-west-1", "accessKeyId",
							"AKIDTEST", "secretAccessKey", "secret"),
					FILE)
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("s3://atlas/reports/daily/delegates.csv");
		stub.verify(putRequestedFor(urlEqualTo("/atlas/reports/daily/delegates.csv")));
		LoggedRequest request = stub.getAllServeEvents().get(0).getRequest();
		assertThat(request.getBody()).isEqualTo(CSV);
		assertThat(request.getHeader("x-amz-content-sha256")).isEqualTo(SigV4.sha256Hex(CSV));
		Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC)
			.parse(request.getHeader("x-amz-date"), Instant::from);
		String expected = SigV4
			.signS3("PUT", URI.create(stub.baseUrl() + "/atlas/reports/daily/delegates.csv"),
					Map.of("content-type", "text/csv"), SigV4.sha256Hex(CSV),
					new SigV4.Credentials("AKIDTEST", "secret"), "eu-west-1", signedAt)
			.get("Authorization");
		assertThat(request.getHeader("Authorization")).isEqualTo(expected)
			.contains("Credential=AKIDTEST/")
			.contains("/eu-west-1/s3/aws4_request");
	}

	@Test
	void uploadsToGoogleDriveAsAMultipartRequest() {
		String location = this.cloud
			.upload("google-drive", null, Map.of("accessToken", "ya29.token", "folderId", "folder-7"), FILE)
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("google-drive:drive-file-1");
		stub.verify(postRequestedFor(urlEqualTo("/upload/drive/v3/files?uploadType=multipart")));
		LoggedRequest request = stub.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer ya29.token");
		assertThat(request.getHeader("Content-Type")).matches("multipart/related; ?boundary=atlas-.+");
		assertThat(request.getBodyAsString()).contains("\"name\":\"delegates.csv\"")
			.contains("\"parents\":[\"folder-7\"]")
			.contains("REG-0001");
	}

	@Test
	void uploadsToDropboxWithThePathInTheApiArgument() {
		String location = this.cloud.upload("dropbox", "/Reports/", Map.of("accessToken", "sl.token"), FILE)
			.block(Duration.ofSeconds(10));
		assertThat(location).isEqualTo("dropbox:/Reports/delegates.csv");
		stub.verify(postRequestedFor(urlEqualTo("/2/files/upload")));
		LoggedRequest request = stub.getAllServeEvents().get(0).getRequest();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sl.token");
		assertThat(request.getHeader("Dropbox-API-Arg")).contains("\"path\":\"/Reports/delegates.csv\"");
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(request.getBody()).isEqualTo(CSV);
	}

	@Test
	void failsWithoutRetryingWhenTheProviderRefusesTheCredentials() {
		stub.resetAll();
		stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
		assertThatThrownBy(() -> this.cloud.upload("dropbox", "", Map.of("accessToken", "bad"), FILE)
			.block(Duration.ofSeconds(10))).hasMessageContaining("401");
		assertThat(stub.getAllServeEvents()).hasSize(1);
	}

	@Test
	void mailsSmallFilesAsAttachmentsAndLargeOnesAsLinks() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("localhost");
			sender.setPort(smtp.getSmtp().getPort());
			MailDelivery mail = new MailDelivery(sender, new DeliveryProperties("reports@test", DataSize.ofBytes(100),
					"https://atlas.example", "", "", Duration.ofSeconds(10)));
			mail.send(List.of("chair@example.org"), "Daily", "Hello", FILE).block(Duration.ofSeconds(10));
			byte[] big = new byte[500];
			mail.send(List.of("chair@example.org"), "Big", null,
					new ReportFile("big.xlsx", "application/octet-stream", big, big.length, "/api/export/download/xyz"))
				.block(Duration.ofSeconds(10));
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(2);
			assertThat(GreenMailUtil.getBody(received[0])).contains("filename=delegates.csv").contains("REG-0001");
			assertThat(received[1].getContentType()).startsWith("text/plain");
			assertThat(GreenMailUtil.getBody(received[1])).contains("https://atlas.example/api/export/download/xyz");
		}
		finally {
			smtp.stop();
		}
	}

}
