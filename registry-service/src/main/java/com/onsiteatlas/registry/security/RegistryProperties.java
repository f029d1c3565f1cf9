package com.onsiteatlas.registry.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account every instance uses to register with the registry and read it.
 *
 * @param username the user name ({@code ATLAS_REGISTRY_USER})
 * @param password the password ({@code ATLAS_REGISTRY_PASSWORD})
 */
@ConfigurationProperties("atlas.registry")
public record RegistryProperties(String username, String password) {

	public RegistryProperties {
		if (username == null || username.isBlank() || password == null || password.isBlank()) {
			throw new IllegalArgumentException("atlas.registry.username and atlas.registry.password must be set");
		}
	}

}
