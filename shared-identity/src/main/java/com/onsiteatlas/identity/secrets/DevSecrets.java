package com.onsiteatlas.identity.secrets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The development secrets this repository publishes (application defaults, the embedded
 * suite, Compose and the dev overlay), and the start-up rule for them: an application
 * whose effective configuration still holds one of them refuses to start unless
 * {@value #ALLOWED_PROPERTY} ({@code ATLAS_DEV_DEFAULTS_ALLOWED}) is {@code true}, which
 * only the embedded suite, Compose, the dev overlay and the tests set.
 */
public final class DevSecrets {

	/** The switch that lets an application start with development secrets. */
	public static final String ALLOWED_PROPERTY = "atlas.dev-defaults.allowed";

	/**
	 * The public development values; a value containing one counts (URLs with passwords).
	 */
	static final List<String> PUBLIC_VALUES = List.of("dev-jwt-secret-change-me-0123456789abcdef",
			"dev-internal-token-secret-change-me-0123456789", "dev-only-jwt-secret-not-for-production-use",
			"dev-only-internal-token-secret-not-for-production", "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
			"dev-only-registry-password", "dev-only-smtp-password", "dev-only-kafka-password",
			// The keyrings of docker-compose.yml and the dev overlay (key "dev1" of each
			// purpose).
			"ZGV2LW9ubHktcHJvdmlkZXItc2VjcmV0cy1rZXktMDE=", "ZGV2LW9ubHktZG9jdW1lbnRzLWtleS1udW1iZXItMDE=",
			"ZGV2LW9ubHktZXhwb3J0LWZpbGVzLWtleS1udW0tMDE=", "ZGV2LW9ubHktdW5zdWJzY3JpYmUtbGlua3Mta2V5MDE=");

	private DevSecrets() {
	}

	/**
	 * The names of the properties whose effective value holds a public development
	 * secret.
	 * @param environment the application's environment
	 * @return the property names, sorted; empty when none does
	 */
	public static Set<String> findIn(ConfigurableEnvironment environment) {
		Set<String> names = new TreeSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (isPublic(effectiveValue(environment, name))) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	/**
	 * Refuses to go on when a development secret is configured and they are not allowed.
	 * @param environment the application's environment
	 * @throws IllegalStateException naming the properties that hold one
	 */
	public static void refuseUnlessAllowed(ConfigurableEnvironment environment) {
		if (environment.getProperty(ALLOWED_PROPERTY, Boolean.class, false)) {
			return;
		}
		Set<String> found = findIn(environment);
		if (!found.isEmpty()) {
			throw new IllegalStateException("Refusing to start: " + String.join(", ", found)
					+ " still hold a public development secret of this repository. Set real secrets (docs/deployment.md"
					+ " lists them), or ATLAS_DEV_DEFAULTS_ALLOWED=true on a development machine.");
		}
	}

	static boolean isPublic(String value) {
		return value != null && PUBLIC_VALUES.stream().anyMatch(value::contains);
	}

	private static String effectiveValue(ConfigurableEnvironment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (RuntimeException ex) {
			// A placeholder that cannot be resolved, or a value of another type: not a
			// secret
			// this rule can judge; the application's own binding reports it.
			return null;
		}
	}

}
