package com.onsiteatlas.notification;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.IdentityTokens;

/**
 * Requests as the gateway would forward them for a staff role.
 */
public final class Staff {

	private Staff() {
	}

	public static WebTestClient as(WebTestClient client, String role) {
		return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + IdentityTokens.staff(role)).build();
	}

	public static String newEventId() {
		return new org.bson.types.ObjectId().toHexString();
	}

}
