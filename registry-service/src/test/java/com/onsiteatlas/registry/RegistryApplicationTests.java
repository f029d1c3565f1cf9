package com.onsiteatlas.registry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "atlas.registry.username=atlas", "atlas.registry.password=registry-test-password" })
class RegistryApplicationTests {

	private static final String INSTANCE = """
			{"instance":{"instanceId":"%s","hostName":"localhost","app":"%s",
			"ipAddr":"127.0.0.1","status":"UP","port":{"$":8081,"@enabled":"true"},
			"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";

	@Autowired
	TestRestTemplate rest;

	@Test
	void servesHealthToAnyoneAndAnEmptyRegistryToItsAccount() {
		ResponseEntity<Map> health = this.rest.getForEntity("/actuator/health", Map.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP");

		ResponseEntity<Map> apps = account().exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(acceptJson()),
				Map.class);
		assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(apps.getBody()).containsKey("applications");
	}

	@Test
	void registersAnInstanceAndListsItByServiceId() {
		ResponseEntity<Void> registered = account().postForEntity("/eureka/apps/NOTIFICATION-SERVICE",
				new HttpEntity<>(INSTANCE.formatted("probe-1", "NOTIFICATION-SERVICE"), json()), Void.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> app = account().exchange("/eureka/apps/NOTIFICATION-SERVICE", HttpMethod.GET,
				new HttpEntity<>(acceptJson()), String.class);
		assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(app.getBody()).contains("probe-1").contains("NOTIFICATION-SERVICE");
	}

	@Test
	void refusesARogueRegistrationWithoutOrWithWrongCredentials() {
		String rogue = INSTANCE.formatted("rogue-1", "LODGING-TRAVEL-SERVICE");
		assertThat(this.rest
			.postForEntity("/eureka/apps/LODGING-TRAVEL-SERVICE", new HttpEntity<>(rogue, json()), Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("atlas", "guessed")
			.postForEntity("/eureka/apps/LODGING-TRAVEL-SERVICE", new HttpEntity<>(rogue, json()), Void.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		ResponseEntity<String> app = account().exchange("/eureka/apps/LODGING-TRAVEL-SERVICE", HttpMethod.GET,
				new HttpEntity<>(acceptJson()), String.class);
		assertThat(app.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesReadsAndStatusChangesWithoutCredentials() {
		account().postForEntity("/eureka/apps/REPORTING-SERVICE",
				new HttpEntity<>(INSTANCE.formatted("real-1", "REPORTING-SERVICE"), json()), Void.class);

		assertThat(this.rest.exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(acceptJson()), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> takenOut = this.rest.exchange(
				"/eureka/apps/REPORTING-SERVICE/real-1/status?value=OUT_OF_SERVICE", HttpMethod.PUT, HttpEntity.EMPTY,
				String.class);
		assertThat(takenOut.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		ResponseEntity<String> app = account().exchange("/eureka/apps/REPORTING-SERVICE/real-1", HttpMethod.GET,
				new HttpEntity<>(acceptJson()), String.class);
		assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(app.getBody()).contains("\"status\":\"UP\"");
	}

	private TestRestTemplate account() {
		return this.rest.withBasicAuth("atlas", "registry-test-password");
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static HttpHeaders acceptJson() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return headers;
	}

}
