package com.onsiteatlas.lodging;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.IdentityTokens;
import com.onsiteatlas.support.testing.ServiceConventionsContract;

class LodgingTravelApplicationTests extends LodgingTravelIntegrationTest implements ServiceConventionsContract {

	@Override
	public WebTestClient serviceClient() {
		return this.client;
	}

	@Override
	public String staffListPath() {
		return "/api/events/65f0a0000000000000000001/hotels";
	}

	@Test
	void refusesSponsorAndClientTokensEverywhere() {
		for (String type : new String[] { "sponsor", "client" }) {
			this.client.get()
				.uri("/api/events/65f0a0000000000000000001/hotel-bookings")
				.header(HttpHeaders.AUTHORIZATION,
						"Bearer "
								+ IdentityTokens.of("65f0a00000000000000000b1", type, type, "65f0a0000000000000000001"))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

}
