package com.onsiteatlas.reporting.export;

import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export configs through the API: catalog validation, owner and global visibility.
 */
class ExportConfigApiTests extends ReportingIntegrationTest {

	private static Map<String, Object> config(String name, String dataType, List<String> fields, boolean global) {
		return Map.of("name", name, "exportType", "excel", "dataType", dataType, "isGlobal", global, "fields", fields,
				"filters", List.of(Map.of("field", "status", "operator", "equals", "value", "active")), "sorts",
				List.of(Map.of("field", "lastName", "direction", "asc")), "config",
				Map.of("sheetName", "Delegates", "includeHeaders", true, "dateFormat", "yyyy-MM-dd"));
	}

	@Test
	void createsReadsUpdatesAndDeletesAConfig() {
		String userId = new ObjectId().toHexString();
		String id = JSON
			.convertValue(asUser(userId, "manager").post()
				.uri("/api/export/configs")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(
						config("Delegates", "registrations", List.of("registrationId", "firstName", "lastName"), false))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("data"), Map.class)
			.get("_id")
			.toString();
		asUser(userId, "manager").get()
			.uri("/api/export/configs/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.fields.length()")
			.isEqualTo(3)
			.jsonPath("$.data.config.sheetName")
			.isEqualTo("Delegates")
			.jsonPath("$.data.createdBy")
			.isEqualTo(userId);
		asUser(userId, "manager").put()
			.uri("/api/export/configs/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config("Delegates v2", "registrations", List.of("email"), false))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.name")
			.isEqualTo("Delegates v2");
		asUser(userId, "manager").delete().uri("/api/export/configs/" + id).exchange().expectStatus().isOk();
		asUser(userId, "manager").get().uri("/api/export/configs/" + id).exchange().expectStatus().isNotFound();
	}

	@Test
	void showsAUserTheirOwnAndTheGlobalConfigsOnly() {
		String alice = new ObjectId().toHexString();
		String bob = new ObjectId().toHexString();
		asUser(alice, "manager").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config("Alice private", "registrations", List.of("email"), false))
			.exchange()
			.expectStatus()
			.isCreated();
		asUser(alice, "manager").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config("Alice global", "registrations", List.of("email"), true))
			.exchange()
			.expectStatus()
			.isCreated();
		asUser(bob, "staff").get()
			.uri("/api/export/configs?limit=500")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@.name=='Alice global')]")
			.exists()
			.jsonPath("$.data[?(@.name=='Alice private')]")
			.doesNotExist()
			.jsonPath("$.meta.pagination.total")
			.exists();
		asUser(bob, "staff").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config("Bob global", "registrations", List.of("email"), true))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void showsATokenBoundToAnEventOnlyThatEventsConfigsAndTheEventFreeOnes() {
		String alice = new ObjectId().toHexString();
		String here = new ObjectId().toHexString();
		String there = new ObjectId().toHexString();
		String tag = alice.substring(16);
		for (String event : new String[] { here, there, null }) {
			Map<String, Object> body = new java.util.HashMap<>(
					config("Global " + tag + " " + event, "registrations", List.of("email"), true));
			if (event != null) {
				body.put("event", event);
			}
			asUser(alice, "manager").post()
				.uri("/api/export/configs")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String bob = new ObjectId().toHexString();
		org.springframework.test.web.reactive.server.WebTestClient boundToHere = client().mutate()
			.defaultHeader(org.springframework.http.HttpHeaders.AUTHORIZATION,
					"Bearer " + com.onsiteatlas.support.testing.IdentityTokens.of(bob, "staff", "staff", here))
			.build();
		List<?> seen = boundToHere.get()
			.uri("/api/export/configs?limit=500")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data") instanceof List<?> list ? list : List.of();
		List<String> names = seen.stream()
			.map((config) -> (String) ((Map<?, ?>) config).get("name"))
			.filter((name) -> name.contains(tag))
			.toList();
		assertThat(names).containsExactlyInAnyOrder("Global " + tag + " " + here, "Global " + tag + " null");
		String thereId = JSON
			.convertValue(asUser(bob, "staff").get()
				.uri("/api/export/configs?limit=500&event=" + there)
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("data"), List.class)
			.stream()
			.filter((config) -> ((Map<?, ?>) config).get("name").equals("Global " + tag + " " + there))
			.map((config) -> ((Map<?, ?>) config).get("_id"))
			.findFirst()
			.orElseThrow()
			.toString();
		boundToHere.get().uri("/api/export/configs/" + thereId).exchange().expectStatus().isNotFound();
		asUser(bob, "staff").get().uri("/api/export/configs/" + thereId).exchange().expectStatus().isOk();
	}

	@Test
	void rejectsFieldsFiltersAndOperatorsOutsideTheCatalog() {
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config("Bad", "registrations", List.of("firstName", "passportNumber"), false))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("passportNumber")
				.contains("valid fields")
				.contains("registrationId"));
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad", "exportType", "excel", "dataType", "registrations", "filters",
					List.of(Map.of("field", "status", "operator", "like", "value", "x"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("like").contains("isNotNull"));
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad", "exportType", "word", "dataType", "registrations"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bad", "exportType", "csv", "dataType", "registrations", "filters",
					List.of(Map.of("field", "amountCents", "operator", "greaterThan", "value", "lots"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("not a valid number"));
	}

	@Test
	void refusesOverlongTextWithAMessageNamingTheField() {
		String huge = "x".repeat(1_000_000);
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(config(huge, "registrations", List.of("firstName"), false))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("name"));
		as("admin").post()
			.uri("/api/export/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", huge, "exportType", "csv", "dataType", "registrations", "fields",
					List.of("firstName")))
			.exchange()
			.expectStatus()
			.isBadRequest();
		as("admin").post()
			.uri("/api/reports/schedules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", huge))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("name"));
	}

	@Test
	void refusesMalformedIdsAndUnknownJsonFields() {
		as("admin").get().uri("/api/export/configs/not-an-id").exchange().expectStatus().isBadRequest();
		as("admin").post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "X", "exportType", "csv", "dataType", "registrations", "colour", "red"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
