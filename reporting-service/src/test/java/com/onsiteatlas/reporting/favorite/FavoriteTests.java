package com.onsiteatlas.reporting.favorite;

import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.reporting.ReportingIntegrationTest;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Favourites of export configs, templates and builder definitions: per user, per event,
 * under the gateway's {@code /api/reports/**} route.
 */
class FavoriteTests extends ReportingIntegrationTest {

	private final String eventId = new ObjectId().toHexString();

	private final String alice = new ObjectId().toHexString();

	private WebTestClient user(String userId, String eventId) {
		return client().mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.of(userId, "staff", "manager", eventId))
			.build();
	}

	private WebTestClient.ResponseSpec mark(WebTestClient client, Map<String, Object> body) {
		return client.post()
			.uri("/api/reports/favorites")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String id(WebTestClient.ResponseSpec response) {
		return (String) ((Map<?, ?>) response.expectBody(Map.class).returnResult().getResponseBody().get("data"))
			.get("_id");
	}

	@Test
	void marksATemplateOnceAndListsItOnlyForItsUser() {
		String first = id(mark(user(this.alice, null),
				Map.of("kind", "template", "targetId", "payments-summary", "eventId", this.eventId))
			.expectStatus()
			.isCreated());
		String again = id(mark(user(this.alice, null),
				Map.of("kind", "template", "targetId", "payments-summary", "eventId", this.eventId))
			.expectStatus()
			.isOk());
		assertThat(again).isEqualTo(first);
		user(this.alice, null).get()
			.uri("/api/reports/favorites?eventId=" + this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].name")
			.isEqualTo("Payments summary")
			.jsonPath("$.data[0].kind")
			.isEqualTo("template");
		user(new ObjectId().toHexString(), null).get()
			.uri("/api/reports/favorites?eventId=" + this.eventId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(0);
		// Someone else cannot remove it; its owner can.
		user(new ObjectId().toHexString(), null).delete()
			.uri("/api/reports/favorites/" + first)
			.exchange()
			.expectStatus()
			.isNotFound();
		user(this.alice, null).delete().uri("/api/reports/favorites/" + first).exchange().expectStatus().isOk();
		user(this.alice, null).get()
			.uri("/api/reports/favorites?eventId=" + this.eventId)
			.exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(0);
	}

	@Test
	void keepsAnExportConfigFavouriteOnlyWhileTheConfigIsVisible() {
		String bob = new ObjectId().toHexString();
		String configId = id(user(bob, null).post()
			.uri("/api/export/configs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Bob's delegates", "exportType", "csv", "dataType", "registrations", "fields",
					List.of("firstName")))
			.exchange()
			.expectStatus()
			.isCreated());
		// Bob's private config is not Carol's to mark.
		mark(user(new ObjectId().toHexString(), null), Map.of("kind", "exportConfig", "targetId", configId))
			.expectStatus()
			.isNotFound();
		mark(user(bob, null), Map.of("kind", "exportConfig", "targetId", configId)).expectStatus().isCreated();
		user(bob, null).get()
			.uri("/api/reports/favorites?kind=exportConfig")
			.exchange()
			.expectBody()
			.jsonPath("$.data[?(@.targetId=='" + configId + "')].name")
			.isEqualTo(List.of("Bob's delegates"));
		user(bob, null).delete().uri("/api/export/configs/" + configId).exchange().expectStatus().isOk();
		user(bob, null).get()
			.uri("/api/reports/favorites?kind=exportConfig")
			.exchange()
			.expectBody()
			.jsonPath("$.data[?(@.targetId=='" + configId + "')]")
			.doesNotExist();
	}

	@Test
	void savesAValidBuilderDefinition() {
		Map<String, Object> definition = Map.of("reportType", "registrations", "fields",
				List.of("firstName", "category"), "groupBy", "category", "chartType", "pie");
		mark(user(this.alice, null),
				Map.of("kind", "builder", "name", "Categories pie", "eventId", this.eventId, "definition", definition))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data.definition.groupBy")
			.isEqualTo("category")
			.jsonPath("$.data.targetId")
			.doesNotExist();
		mark(user(this.alice, null),
				Map.of("kind", "builder", "name", "Broken", "definition",
						Map.of("reportType", "registrations", "fields", List.of("shoeSize"))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("shoeSize").contains("valid fields"));
		// A key MongoDB cannot store as it is: a 400, not a 500 from the mapping.
		mark(user(this.alice, null), Map.of("kind", "builder", "name", "Dotted", "definition",
				Map.of("reportType", "registrations", "filters",
						List.of(Map.of("field", "category", "operator", "equals", "value", Map.of("a.b", "x"))))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("'a.b'"));
		mark(user(this.alice, null), Map.of("kind", "builder", "definition", definition)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("name"));
		mark(user(this.alice, null), Map.of("kind", "report", "targetId", "x")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("exportConfig, template, builder"));
		mark(user(this.alice, null), Map.of("kind", "template", "targetId", "no-such-template")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("workshop-fill"));
	}

	@Test
	void scopesFavouritesToTheTokensEvent() {
		String dana = new ObjectId().toHexString();
		String otherEvent = new ObjectId().toHexString();
		// Bound to this event: a favourite without an event gets it, another event is
		// refused.
		mark(user(dana, this.eventId), Map.of("kind", "template", "targetId", "workshop-fill")).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.data.eventId")
			.isEqualTo(this.eventId);
		mark(user(dana, this.eventId), Map.of("kind", "template", "targetId", "workshop-fill", "eventId", otherEvent))
			.expectStatus()
			.isForbidden();
		mark(user(dana, null), Map.of("kind", "template", "targetId", "rooming-list", "eventId", otherEvent))
			.expectStatus()
			.isCreated();
		mark(user(dana, null), Map.of("kind", "template", "targetId", "arrival-manifest")).expectStatus().isCreated();
		user(dana, this.eventId).get()
			.uri("/api/reports/favorites")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[*].targetId")
			.value((List<String> ids) -> assertThat(ids).containsExactlyInAnyOrder("workshop-fill",
					"arrival-manifest"));
		user(dana, this.eventId).get()
			.uri("/api/reports/favorites?eventId=" + otherEvent)
			.exchange()
			.expectStatus()
			.isForbidden();
		user(dana, null).get()
			.uri("/api/reports/favorites")
			.exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(3);
	}

}
