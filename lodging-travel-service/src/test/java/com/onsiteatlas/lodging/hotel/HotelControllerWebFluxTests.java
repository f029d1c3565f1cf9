package com.onsiteatlas.lodging.hotel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.security.ServiceSecurityConfiguration;
import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.web.ServiceWebConfiguration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * {@link HotelController} as a WebFlux slice with the service mocked: who may call, which
 * parameters reach the service, and what the answer looks like. The services' own
 * security and web configuration (identity tokens, role annotations, JSON errors, paging
 * arguments) are imported; no MongoDB, Kafka or services start.
 */
@WebFluxTest(HotelController.class)
@ImportAutoConfiguration({ ServiceSecurityConfiguration.class, ServiceWebConfiguration.class })
class HotelControllerWebFluxTests {

	private static final String EVENT = new ObjectId().toHexString();

	@Autowired
	WebTestClient client;

	@MockitoBean
	HotelService hotels;

	@Test
	void listsTheHotelsTheServiceFindsForARegistrantOfTheEvent() {
		given(this.hotels.list(eq(EVENT), any(PageQuery.class), eq("taj"), eq(true), isNull()))
			.willAnswer((call) -> Mono.just(new Paged<>(List.of(hotel("Taj West End")), 1, call.getArgument(1))));

		this.client.get()
			.uri("/api/events/" + EVENT + "/hotels?search=taj&isOfficial=true")
			.header(HttpHeaders.AUTHORIZATION, registrantOf(EVENT))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data[0].name")
			.isEqualTo("Taj West End")
			.jsonPath("$.meta.pagination.total")
			.isEqualTo(1);
	}

	@Test
	void hidesTheHotelsOfAnotherConferenceFromARegistrant() {
		this.client.get()
			.uri("/api/events/" + EVENT + "/hotels")
			.header(HttpHeaders.AUTHORIZATION, registrantOf(new ObjectId().toHexString()))
			.exchange()
			.expectStatus()
			.isNotFound();

		verifyNoInteractions(this.hotels);
	}

	@Test
	void refusesAnIsOfficialThatIsNotABoolean() {
		this.client.get()
			.uri("/api/events/" + EVENT + "/hotels?isOfficial=maybe")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'isOfficial' must be true or false");

		verifyNoInteractions(this.hotels);
	}

	@Test
	void letsOrganisersCreateHotelsAndRefusesRegistrants() {
		given(this.hotels.create(eq(EVENT), any(HotelRequest.class), anyString()))
			.willReturn(Mono.just(hotel("Leela Palace")));
		Map<String, Object> body = Map.of("name", "Leela Palace");

		this.client.post()
			.uri("/api/events/" + EVENT + "/hotels")
			.header(HttpHeaders.AUTHORIZATION, registrantOf(EVENT))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isForbidden();
		verify(this.hotels, never()).create(anyString(), any(HotelRequest.class), anyString());

		this.client.post()
			.uri("/api/events/" + EVENT + "/hotels")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff("admin"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Hotel created")
			.jsonPath("$.data.name")
			.isEqualTo("Leela Palace");
		verify(this.hotels).create(eq(EVENT), any(HotelRequest.class), anyString());
	}

	private static String registrantOf(String eventId) {
		return "Bearer " + IdentityTokens.registrant(new ObjectId().toHexString(), eventId);
	}

	private static Hotel hotel(String name) {
		Instant at = Instant.parse("2027-01-05T10:00:00Z");
		return new Hotel(new ObjectId().toHexString(), EVENT, name, null, null, null, List.of(), List.of(), true, null,
				null, "admin", at, at, name.toLowerCase());
	}

}
