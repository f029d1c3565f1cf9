package com.onsiteatlas.lodging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.domainevents.CategoryRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.ServiceTestProperties;

/**
 * The Spring context of this service's integration tests: real embedded Kafka broker and
 * MongoDB-wire server. Uploads are limited to 1 MB here so that the oversize test stays
 * fast; production keeps the 10 MB default. The document count quotas are raised above
 * what any test here uploads to one record (ConnectionReuseTests: 50). The quotas and the
 * upload bound are tested with the production size limit in {@code UploadLimitsTests},
 * the one subclass with a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.mongodb.database=atlas_lodging_test", "atlas.lodging.documents.max-size=1MB",
				"atlas.lodging.documents.per-record.max-files=100",
				"atlas.lodging.documents.per-registration.max-files=200", "atlas.retention.deleted-conference=0s",
				"atlas.retention.purge-interval=200ms" })
public abstract class LodgingTravelIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected ReactiveMongoTemplate mongo;

	protected WebTestClient client;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry);
	}

	@BeforeEach
	void buildClient() {
		// A fresh connection per request. Kept as a guard: a 30 s hang was seen once and
		// not explained. ConnectionReuseTests shows that uploads refused early (401, 403,
		// 413, 415) do not spoil a reused connection; note that WebTestClient keeps a
		// pooled connection taken until the answer's body is read, which most tests here,
		// asserting the status only, never do.
		this.client = WebTestClient
			.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	protected static String newId() {
		return new ObjectId().toHexString();
	}

	protected static String staff(String role) {
		return "Bearer " + IdentityTokens.staff(role);
	}

	protected static String registrant(String registrationId, String eventId) {
		return "Bearer " + IdentityTokens.registrant(registrationId, eventId);
	}

	protected WebTestClient.RequestHeadersSpec<?> get(String path, String token) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, token);
	}

	protected WebTestClient.RequestHeadersSpec<?> post(String path, String token, Object body) {
		return this.client.post().uri(path).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body);
	}

	protected WebTestClient.RequestHeadersSpec<?> put(String path, String token, Object body) {
		return this.client.put().uri(path).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body);
	}

	protected WebTestClient.RequestHeadersSpec<?> patch(String path, String token, Object body) {
		return this.client.patch().uri(path).header(HttpHeaders.AUTHORIZATION, token).bodyValue(body);
	}

	protected WebTestClient.RequestHeadersSpec<?> delete(String path, String token) {
		return this.client.delete().uri(path).header(HttpHeaders.AUTHORIZATION, token);
	}

	/**
	 * Puts a conference into the projection, as event-created would.
	 */
	protected void seedConference(String eventId, String start, String end) {
		this.mongo
			.save(new ConferenceView(eventId, "Atlas Summit", Instant.parse(start + "T00:00:00Z"),
					Instant.parse(end + "T00:00:00Z"), "Asia/Kolkata", "published", null, "INR", "en-IN", null, false,
					Instant.now()))
			.block();
	}

	/**
	 * Puts a registration into the projection, as registration-created would.
	 * @return its {@code _id}
	 */
	protected String seedRegistration(String eventId, String firstName, String lastName, String humanId) {
		String id = newId();
		this.mongo
			.save(new RegistrationView(id, eventId, humanId,
					new PersonalInfo(firstName, lastName, firstName.toLowerCase() + "@example.org", "+911234567890",
							"Atlas", null, "IN"),
					new CategoryRef(newId(), "Delegate"), "active", "paid", "full-event", 500000L, "INR", Map.of(),
					null, List.of(), (firstName + " " + lastName + " " + humanId).toLowerCase(), Instant.now(),
					Instant.now()))
			.block();
		return id;
	}

	protected String createHotel(String eventId, String name) {
		Map<String, Object> body = Map.of("name", name, "address", Map.of("street", "1 MG Road", "city", "Bengaluru"),
				"roomTypes", List.of(Map.of("name", "Deluxe", "capacity", 2, "priceCents", 850000, "currency", "INR"),
						Map.of("name", "Suite", "capacity", 3, "priceCents", 1500000, "currency", "INR")));
		Map<?, ?> response = post("/api/events/" + eventId + "/hotels", staff("admin"), body).exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	protected String createBooking(String eventId, String registration, String hotelId, String checkIn,
			String checkOut) {
		Map<String, Object> body = Map.of("registration", registration, "hotelId", hotelId, "roomType", "Deluxe",
				"checkIn", Map.of("date", checkIn, "time", "14:00"), "checkOut", Map.of("date", checkOut));
		Map<?, ?> response = post("/api/events/" + eventId + "/hotel-bookings", staff("staff"), body).exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

}
