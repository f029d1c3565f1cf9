package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads the server refuses early (413 over the limit, 403 and 401 before the body is
 * read, 415 after the first bytes) must not leave a kept-alive connection unusable. A
 * client with a pool of exactly one connection sends them in turn, with ordinary requests
 * between them, and every request must be answered within a few seconds.
 * <p>
 * Every answer's body is read to the end: WebTestClient releases a pooled connection only
 * then, and a status-only assertion would itself leave the single connection taken.
 */
class ConnectionReuseTests extends LodgingTravelIntegrationTest {

	private static final int ROUNDS = 50;

	private static final byte[] PDF = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final AtomicInteger connections = new AtomicInteger();

	private ConnectionProvider pool;

	private WebTestClient single;

	private String eventId;

	private String travelUpload;

	private String bookingUpload;

	private String registration;

	@BeforeEach
	void singleConnectionClient() {
		this.pool = ConnectionProvider.builder("one-connection")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofSeconds(3))
			.build();
		HttpClient http = HttpClient.create(this.pool)
			.keepAlive(true)
			.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet());
		this.single = WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(5))
			.build();
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.registration = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		String hotelId = createHotel(this.eventId, "Taj");
		String bookingId = createBooking(this.eventId, this.registration, hotelId, "2027-01-20", "2027-01-22");
		Map<?, ?> travel = post("/api/events/" + this.eventId + "/travel-info", staff("staff"),
				Map.of("registration", this.registration))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String travelId = (String) ((Map<?, ?>) travel.get("data")).get("_id");
		this.travelUpload = "/api/events/" + this.eventId + "/travel-info/" + travelId + "/upload-document";
		this.bookingUpload = "/api/events/" + this.eventId + "/hotel-bookings/" + bookingId + "/upload-confirmation";
	}

	@AfterEach
	void closePool() {
		this.pool.disposeLater().block(Duration.ofSeconds(5));
	}

	@Test
	void everyRequestOnOneKeptAliveConnectionIsAnsweredAfterRefusedUploads() {
		byte[] oversized = pdf(1536 * 1024);
		byte[] large = pdf(900 * 1024);
		byte[] disguised = Arrays.copyOf("MZ this is an executable".getBytes(StandardCharsets.US_ASCII), 64 * 1024);
		String alice = registrant(this.registration, this.eventId);
		for (int round = 0; round < ROUNDS; round++) {
			answered(upload(this.travelUpload, staff("staff"), oversized, "big.pdf"), 413);
			answered(listHotels(), 200);
			answered(upload(this.bookingUpload, alice, large, "confirmation.pdf"), 403);
			answered(listHotels(), 200);
			answered(upload(this.travelUpload, staff("staff"), disguised, "ticket.pdf"), 415);
			answered(listHotels(), 200);
			answered(upload(this.bookingUpload, null, large, "confirmation.pdf"), 401);
			answered(createHotel("Hotel " + round), 201);
			answered(upload(this.travelUpload, staff("staff"), PDF, "ticket" + round + ".pdf"), 200);
		}
		System.out.println(
				"ConnectionReuseTests: " + this.connections.get() + " connections for " + (ROUNDS * 9) + " requests");
		assertThat(this.connections.get()).as("connections opened").isPositive();
	}

	private static void answered(WebTestClient.ResponseSpec response, int status) {
		response.expectStatus().isEqualTo(status).expectBody().returnResult();
	}

	private WebTestClient.ResponseSpec upload(String path, String token, byte[] content, String fileName) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.APPLICATION_PDF);
		body.part("type", "flight-ticket");
		WebTestClient.RequestBodySpec request = this.single.post().uri(path);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, token);
		}
		return request.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private WebTestClient.ResponseSpec listHotels() {
		return this.single.get()
			.uri("/api/events/" + this.eventId + "/hotels")
			.header(HttpHeaders.AUTHORIZATION, staff("staff"))
			.exchange();
	}

	private WebTestClient.ResponseSpec createHotel(String name) {
		return this.single.post()
			.uri("/api/events/" + this.eventId + "/hotels")
			.header(HttpHeaders.AUTHORIZATION, staff("admin"))
			.bodyValue(Map.of("name", name, "roomTypes", List.of(Map.of("name", "Deluxe", "capacity", 2))))
			.exchange();
	}

	private static byte[] pdf(int size) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) 'x');
		System.arraycopy(PDF, 0, content, 0, PDF.length);
		return content;
	}

}
