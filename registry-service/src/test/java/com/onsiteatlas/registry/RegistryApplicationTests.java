package com.onsiteatlas.registry;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryApplicationTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void servesHealthAndAnEmptyRegistry() {
		ResponseEntity<Map> health = this.rest.getForEntity("/actuator/health", Map.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP");

		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<Map> apps = this.rest.exchange("/eureka/apps", HttpMethod.GET, new HttpEntity<>(headers),
				Map.class);
		assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(apps.getBody()).containsKey("applications");
	}

	@Test
	void registersAnInstanceAndListsItByServiceId() {
		String instance = """
				{"instance":{"instanceId":"probe-1","hostName":"localhost","app":"NOTIFICATION-SERVICE",
				"ipAddr":"127.0.0.1","status":"UP","port":{"$":8081,"@enabled":"true"},
				"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}""";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Void> registered = this.rest.postForEntity("/eureka/apps/NOTIFICATION-SERVICE",
				new HttpEntity<>(instance, headers), Void.class);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		HttpHeaders accept = new HttpHeaders();
		accept.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<String> app = this.rest.exchange("/eureka/apps/NOTIFICATION-SERVICE", HttpMethod.GET,
				new HttpEntity<>(accept), String.class);
		assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(app.getBody()).contains("probe-1").contains("NOTIFICATION-SERVICE");
	}

}
