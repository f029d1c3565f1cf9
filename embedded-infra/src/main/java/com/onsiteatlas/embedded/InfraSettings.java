package com.onsiteatlas.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the embedded infrastructure listens and keeps its data. Every value is read from
 * a system property or an environment variable of the same name ({@code atlas.kafka.port}
 * or {@code ATLAS_KAFKA_PORT}); the system property wins.
 *
 * @param dataDir root of all persisted data ({@code ATLAS_DATA_DIR}, default
 * {@code .atlas/data})
 * @param host the address every server binds to and advertises ({@code ATLAS_BIND_HOST},
 * default 127.0.0.1)
 * @param kafkaEnabled false when {@code KAFKA_BOOTSTRAP_SERVERS} points at an external
 * broker
 * @param kafkaPort the broker's client port ({@code ATLAS_KAFKA_PORT}, default 9092)
 * @param kafkaControllerPort the KRaft controller port
 * ({@code ATLAS_KAFKA_CONTROLLER_PORT}, default 9093)
 * @param mongoEnabled false when {@code MONGODB_URI} points at an external MongoDB or
 * {@code ATLAS_EMBEDDED_MONGO=false}
 * @param mongoPorts store name to port ({@code ATLAS_MONGO_NOTIFICATION_PORT}, ...); only
 * the stores listed in {@code ATLAS_MONGO_STORES} (comma-separated) when it is set, in
 * start order
 * @param mailEnabled false when {@code SMTP_HOST} points at an external SMTP server or
 * {@code ATLAS_EMBEDDED_MAIL=false}
 * @param smtpPort the mail catcher's SMTP port ({@code ATLAS_SMTP_PORT}, default 3025)
 * @param mailUiPort the mail catcher's web port ({@code ATLAS_MAIL_UI_PORT}, default
 * 8025)
 * @param legacyEnabled false when {@code LEGACY_BACKEND_URL} points at a real ONSITE
 * ATLAS backend
 * @param legacyPort the legacy stand-in's port ({@code ATLAS_LEGACY_PORT}, default 8090)
 * @param jwtSecret the HS256 secret ONSITE ATLAS signs its tokens with
 * ({@code JWT_SECRET})
 */
public record InfraSettings(Path dataDir, String host, boolean kafkaEnabled, int kafkaPort, int kafkaControllerPort,
		boolean mongoEnabled, Map<String, Integer> mongoPorts, boolean mailEnabled, int smtpPort, int mailUiPort,
		boolean legacyEnabled, int legacyPort, String jwtSecret) {

	/**
	 * The development secret the gateway and this stand-in share when {@code JWT_SECRET}
	 * is not set.
	 */
	public static final String DEV_JWT_SECRET = "dev-jwt-secret-change-me-0123456789abcdef";

	public InfraSettings {
		mongoPorts = Collections.unmodifiableMap(new LinkedHashMap<>(mongoPorts));
	}

	/**
	 * Reads the settings from system properties and the environment.
	 * @return the settings
	 */
	public static InfraSettings fromEnvironment() {
		return from((name) -> {
			String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
			return (property != null) ? property : System.getenv(name);
		});
	}

	/**
	 * Reads the settings through a look-up by environment variable name.
	 * @param lookup returns the value of a name such as {@code ATLAS_KAFKA_PORT}, or null
	 * @return the settings
	 */
	public static InfraSettings from(Function<String, String> lookup) {
		Function<String, String> values = (name) -> {
			String value = lookup.apply(name);
			return (value == null || value.isBlank()) ? null : value.trim();
		};
		Map<String, Integer> mongoPorts = new LinkedHashMap<>();
		mongoPorts.put("notification", port(values, "ATLAS_MONGO_NOTIFICATION_PORT", 27101));
		mongoPorts.put("lodging-travel", port(values, "ATLAS_MONGO_LODGING_PORT", 27102));
		mongoPorts.put("reporting", port(values, "ATLAS_MONGO_REPORTING_PORT", 27103));
		String stores = values.apply("ATLAS_MONGO_STORES");
		if (stores != null) {
			List<String> wanted = Arrays.stream(stores.split(","))
				.map(String::trim)
				.filter((s) -> !s.isEmpty())
				.toList();
			List<String> unknown = wanted.stream().filter((store) -> !mongoPorts.containsKey(store)).toList();
			if (wanted.isEmpty() || !unknown.isEmpty()) {
				throw new IllegalArgumentException(
						"ATLAS_MONGO_STORES must list stores among " + mongoPorts.keySet() + ", not '" + stores + "'");
			}
			mongoPorts.keySet().retainAll(wanted);
		}
		return new InfraSettings(Path.of(valueOr(values, "ATLAS_DATA_DIR", ".atlas/data")).toAbsolutePath(),
				valueOr(values, "ATLAS_BIND_HOST", "127.0.0.1"), enabled(values, "KAFKA", "KAFKA_BOOTSTRAP_SERVERS"),
				port(values, "ATLAS_KAFKA_PORT", 9092), port(values, "ATLAS_KAFKA_CONTROLLER_PORT", 9093),
				enabled(values, "MONGO", "MONGODB_URI"), mongoPorts, enabled(values, "MAIL", "SMTP_HOST"),
				port(values, "ATLAS_SMTP_PORT", 3025), port(values, "ATLAS_MAIL_UI_PORT", 8025),
				enabled(values, "LEGACY", "LEGACY_BACKEND_URL"), port(values, "ATLAS_LEGACY_PORT", 8090),
				valueOr(values, "JWT_SECRET", DEV_JWT_SECRET));
	}

	/**
	 * A part runs unless {@code ATLAS_EMBEDDED_<PART>=false}, or, when that switch is not
	 * set, the variable that points the services at an external server is set.
	 */
	private static boolean enabled(Function<String, String> values, String part, String externalVariable) {
		String override = values.apply("ATLAS_EMBEDDED_" + part);
		if (override != null) {
			return Boolean.parseBoolean(override);
		}
		return values.apply(externalVariable) == null;
	}

	private static String valueOr(Function<String, String> values, String name, String fallback) {
		String value = values.apply(name);
		return (value != null) ? value : fallback;
	}

	private static int port(Function<String, String> values, String name, int fallback) {
		String value = values.apply(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", ex);
		}
	}

}
