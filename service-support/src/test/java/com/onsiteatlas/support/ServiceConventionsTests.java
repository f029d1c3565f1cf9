package com.onsiteatlas.support;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testapp.KnownRegistrants;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.ServiceConventionsContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP conventions every service gets from service-support: identity, envelope,
 * paging, errors.
 */
class ServiceConventionsTests extends SupportIntegrationTest implements ServiceConventionsContract {

	static final String EVENT = "65f0a0000000000000000001";

	@LocalServerPort
	int port;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	KnownRegistrants knownRegistrants;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private WebTestClient.RequestHeadersSpec<?> postWidget(String token, String json) {
		return this.client.post()
			.uri("/api/events/{e}/widgets", EVENT)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json);
	}

	@Override
	public WebTestClient serviceClient() {
		return this.client;
	}

	@Override
	public String staffListPath() {
		return "/api/events/" + EVENT + "/widgets";
	}

	@Test
	void servesTheMetricsToTheScrapersAccountOnly() {
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("metrics", METRICS_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Not authorized: the metrics need the scraper's account");
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("metrics", "wrong-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void rejectsRequestsWithoutGatewayIdentity() {
		this.client.get()
			.uri("/api/events/{e}/widgets", EVENT)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isNotEmpty();
	}

	@Test
	void rejectsPlainHeadersAndForgedOrExpiredTokens() {
		String forged = IdentityTokens.mint("x", "staff", "admin", null, "another-secret-that-is-long-enough-1234",
				Instant.now().plusSeconds(60));
		String expired = IdentityTokens.mint("x", "staff", "admin", null, IdentityTokens.DEV_SECRET,
				Instant.now().minusSeconds(120));
		String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIiwiaXNzIjoib25zaXRlLWF0bGFzLWdhdGV3YXkiLCJhdWQiOiJvbnNpdGUtYXRsYXMtc2VydmljZXMifQ.";
		for (String token : new String[] { forged, expired, unsigned, "garbage" }) {
			this.client.get()
				.uri("/api/events/{e}/widgets", EVENT)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		this.client.get()
			.uri("/api/whoami")
			.header("X-User-Id", "65f0a00000000000000000a1")
			.header("X-User-Role", "admin")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void acceptsOnlyIdentityTokensMeantForThisService() {
		String forThisService = IdentityTokens.mintFor("support-test", "65f0a00000000000000000a1", "staff", "admin",
				null, IdentityTokens.DEV_SECRET, Instant.now().plusSeconds(60));
		String forAnotherService = IdentityTokens.mintFor("reporting-service", "65f0a00000000000000000a1", "staff",
				"admin", null, IdentityTokens.DEV_SECRET, Instant.now().plusSeconds(60));
		String forTheOldSharedAudience = IdentityTokens.mintFor("onsite-atlas-services", "65f0a00000000000000000a1",
				"staff", "admin", null, IdentityTokens.DEV_SECRET, Instant.now().plusSeconds(60));
		this.client.get()
			.uri("/api/whoami")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + forThisService)
			.exchange()
			.expectStatus()
			.isOk();
		for (String token : new String[] { forAnotherService, forTheOldSharedAudience }) {
			this.client.get()
				.uri("/api/whoami")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void answersForbiddenWhenRoleMayNotWrite() {
		postWidget(IdentityTokens.staff("staff"), "{\"name\":\"forbidden\",\"quantity\":1}").exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
		assertThat(this.mongo
			.exists(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("name").is("forbidden")), "widgets")
			.block()).isFalse();
	}

	@Test
	void createsWithEnvelopeObjectIdAndIsoDates() {
		postWidget(IdentityTokens.staff("admin"), "{\"name\":\"conventions-created\",\"quantity\":3}").exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.message")
			.isEqualTo("Widget created")
			.jsonPath("$.data._id")
			.value((id) -> assertThat((String) id).matches("^[a-f0-9]{24}$"))
			.jsonPath("$.data.createdAt")
			.value((at) -> assertThat((String) at).matches("^\\d{4}-\\d{2}-\\d{2}T.*Z$"))
			.jsonPath("$.data.outbox")
			.doesNotExist();
	}

	@Test
	void rejectsUnknownFieldsWrongTypesAndMalformedJsonWith400() {
		String admin = IdentityTokens.staff("admin");
		postWidget(admin, "{\"name\":\"a\",\"quantity\":1,\"colour\":\"red\"}").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Unknown field 'colour'");
		postWidget(admin, "{\"name\":\"a\",\"quantity\":\"ten\"}").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).contains("quantity"));
		postWidget(admin, "{\"name\":12,\"quantity\":1}").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).contains("name"));
		postWidget(admin, "{\"name\":\"a\",").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).startsWith("Malformed JSON"));
		postWidget(admin, "[1,2]").exchange().expectStatus().isBadRequest();
	}

	@Test
	void rejectsTextThatIsNotWellFormedUnicodeInsteadOfStoringAnAlteredValue() {
		String admin = IdentityTokens.staff("admin");
		postWidget(admin, "{\"name\":\"lone \\ud800 surrogate\",\"quantity\":1}").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).contains("name"));
		postWidget(admin, "{\"name\":\"\\udc00\",\"quantity\":1}").exchange().expectStatus().isBadRequest();
		postWidget(admin, "{\"name\":\"pair \\ud83c\\udfe8 ok\",\"quantity\":1}").exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("pair \ud83c\udfe8 ok");
	}

	@Test
	void answersPathsTheFirewallRefusesWithJson() {
		this.client.get()
			.uri(java.net.URI.create("http://localhost:" + this.port + "/api/events/" + EVENT
					+ "/widgets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("staff"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("The request was rejected: its path contains characters that are not allowed");
	}

	@Test
	void reportsFieldErrorsForInvalidValues() {
		postWidget(IdentityTokens.staff("admin"), "{\"name\":\"\",\"quantity\":-1}").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field=='name')]")
			.exists()
			.jsonPath("$.errors[?(@.field=='quantity')]")
			.exists()
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).startsWith("Validation failed"));
	}

	@Test
	void rejectsOversizedAndDeeplyNestedBodies() {
		String big = "{\"name\":\"" + "x".repeat(100_000) + "\",\"quantity\":1}";
		postWidget(IdentityTokens.staff("admin"), big).exchange().expectStatus().isEqualTo(413);
		String nested = "{\"name\":\"n\",\"quantity\":1,\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
		postWidget(IdentityTokens.staff("admin"), nested).exchange().expectStatus().isBadRequest();
	}

	@Test
	void rejectsMalformedIdsAndAnswersNotFoundAsJson() {
		String staff = IdentityTokens.staff("staff");
		this.client.get()
			.uri("/api/events/not-an-id/widgets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((m) -> assertThat((String) m).contains("eventId"));
		this.client.get()
			.uri("/api/events/{e}/widgets/{id}", EVENT, "12345")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.get()
			.uri("/api/events/{e}/widgets/{id}", EVENT, "65f0a0000000000000000fff")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false)
			.jsonPath("$.message")
			.isEqualTo("Widget not found");
		this.client.get()
			.uri("/api/no-such-route")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + staff)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
	}

	@Test
	void paginatesWithMetaAndValidatesPagingParameters() {
		String admin = IdentityTokens.staff("admin");
		String event = "65f0a0000000000000000002";
		for (int i = 0; i < 5; i++) {
			this.client.post()
				.uri("/api/events/{e}/widgets", event)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", "paged-" + i, "quantity", i))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		this.client.get()
			.uri("/api/events/{e}/widgets?page=2&limit=2&sortBy=quantity:desc", event)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0].quantity")
			.isEqualTo(2)
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(5)
			.jsonPath("$.meta.pagination.totalPages")
			.isEqualTo(3)
			.jsonPath("$.meta.pagination.hasNextPage")
			.isEqualTo(true)
			.jsonPath("$.meta.pagination.hasPrevPage")
			.isEqualTo(true);
		this.client.get()
			.uri("/api/events/{e}/widgets?limit=2", event)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].name")
			.isEqualTo("paged-0")
			.jsonPath("$.data[1].name")
			.isEqualTo("paged-1")
			.jsonPath("$.meta.pagination.hasPrevPage")
			.isEqualTo(false);
		this.client.get()
			.uri("/api/events/" + event + "/widgets?sortBy=secret:asc")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Cannot sort by 'secret'; sortable fields: name, quantity, createdAt");
		for (String bad : new String[] { "limit=0", "limit=abc", "page=-1", "limit=100000", "sortBy=secret:asc",
				"sortBy=name:sideways" }) {
			this.client.get()
				.uri("/api/events/" + event + "/widgets?" + bad)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.message")
				.isNotEmpty();
		}
	}

	@Test
	void echoesTheCorrelationId() {
		knownRegistration("65f0a0000000000000000101", EVENT, "active");
		this.client.get()
			.uri("/api/whoami")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.registrant("65f0a0000000000000000101", EVENT))
			.header("X-Correlation-Id", "test-correlation-123")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Correlation-Id", "test-correlation-123")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("REGISTRANT")
			.jsonPath("$.eventId")
			.isEqualTo(EVENT)
			.jsonPath("$.userId")
			.isEqualTo("65f0a0000000000000000101");
	}

	@Test
	void bindsARegistrantWithoutAnEventToItsRegistrationsConference() {
		knownRegistration("65f0a0000000000000000102", EVENT, "active");
		whoami(IdentityTokens.registrant("65f0a0000000000000000102", null)).jsonPath("$.eventId").isEqualTo(EVENT);
	}

	@Test
	void keepsTheSignedConferenceOfARegistrationNotHeardOfYet() {
		whoami(IdentityTokens.registrant("65f0a0000000000000000106", EVENT)).jsonPath("$.eventId").isEqualTo(EVENT);
	}

	@Test
	void bindsAnUnknownOrCancelledRegistrantToNoConference() {
		knownRegistration("65f0a0000000000000000103", EVENT, "cancelled");
		whoami(IdentityTokens.registrant("65f0a0000000000000000103", EVENT)).jsonPath("$.eventId").isEqualTo("none");
		whoami(IdentityTokens.registrant("65f0a0000000000000000104", null)).jsonPath("$.eventId").isEqualTo("none");
		knownRegistration("65f0a0000000000000000105", "65f0a0000000000000000999", "active");
		whoami(IdentityTokens.registrant("65f0a0000000000000000105", EVENT)).jsonPath("$.eventId").isEqualTo("none");
	}

	private WebTestClient.BodyContentSpec whoami(String token) {
		return this.client.get()
			.uri("/api/whoami")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	/**
	 * Makes a registration known to security, as the read model would after
	 * registration-created.
	 */
	private void knownRegistration(String id, String eventId, String status) {
		this.knownRegistrants.know(id, eventId, "active".equals(status));
	}

}
