package com.onsiteatlas.reporting.catalog;

import org.junit.jupiter.api.Test;

import com.onsiteatlas.reporting.ReportingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field catalog of each data type through the API. Moved from the export config tests
 * (issue 13 item 10): it tests the catalog, not export configs.
 */
class CatalogApiTests extends ReportingIntegrationTest {

	@Test
	void servesTheFieldCatalogOfEachDataType() {
		as("staff").get()
			.uri("/api/export/catalog/registrations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.fields[?(@.name=='registrationDate')].type")
			.isEqualTo("date")
			.jsonPath("$.data.fields[?(@.name=='firstName')].label")
			.isEqualTo("First Name");
		as("staff").get()
			.uri("/api/export/catalog/food_tracking")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.fields[?(@.name=='mealName')]")
			.exists();
		as("staff").get()
			.uri("/api/export/catalog/nonsense")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((String message) -> assertThat(message).contains("registrations", "abstracts", "hotel"));
	}

}
