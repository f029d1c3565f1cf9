package com.onsiteatlas.support.web;

import java.net.ServerSocket;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the database down a request fails fast with a 503, instead of hanging for the
 * driver's default 30 s.
 */
class MongoUnavailableTests {

	@Test
	void aDownDatabaseFailsWithinTheServerSelectionTimeout() throws Exception {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + deadPort));
		new MongoTimeouts(Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofSeconds(2)).customizer()
			.customize(builder);
		try (MongoClient client = MongoClients.create(builder.build())) {
			StepVerifier.create(Mono.from(client.getDatabase("any").runCommand(new Document("ping", 1))))
				.expectError(MongoTimeoutException.class)
				// A bound far above the configured 0.5 s but far below the driver default
				// of 30 s: "no hang".
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void mapsAnUnavailableDatabaseTo503() {
		ApiError error = new JsonErrorHandler(new ObjectMapper())
			.toError(new MongoTimeoutException("Timed out while waiting for a server"), "c-1");
		assertThat(error.status()).isEqualTo(503);
		assertThat(error.success()).isFalse();
		assertThat(error.message()).contains("temporarily unavailable");
	}

}
