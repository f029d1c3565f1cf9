package com.onsiteatlas.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ONSITE ATLAS front door: serves {@code /api} for the existing frontend, routes the
 * new services' paths to them with a short-lived internal identity token, and passes
 * everything else to the legacy backend.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
