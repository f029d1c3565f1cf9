package com.onsiteatlas.support.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * OpenAPI documents as the gateway serves them: relative server URL (so "try it out" goes
 * through the gateway, not to the service's own address) and the bearer scheme of ONSITE
 * ATLAS tokens.
 */
@AutoConfiguration
public class ApiDocsConfiguration {

	@Bean
	OpenApiCustomizer atlasApiDocs(@Value("${spring.application.name}") String name) {
		return (openApi) -> {
			openApi.setServers(List.of(new Server().url("/").description("Through the gateway")));
			openApi.setInfo(new Info().title(name)
				.version("v1")
				.description("ONSITE ATLAS " + name + ". Call it through the gateway with an ONSITE ATLAS token."));
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			components.addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
			openApi.setComponents(components);
			openApi.setSecurity(List.of(new SecurityRequirement().addList("bearer")));
		};
	}

}
