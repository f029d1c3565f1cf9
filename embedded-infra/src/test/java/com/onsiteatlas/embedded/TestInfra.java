package com.onsiteatlas.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One embedded infrastructure per test JVM, on free ports in a temporary directory,
 * started on first use and stopped when the JVM exits. Starting Kafka once keeps the
 * suite fast.
 */
public final class TestInfra {

	public static final String JWT_SECRET = "test-jwt-secret-0123456789abcdef-0123456789";

	private static EmbeddedInfra infra;

	private TestInfra() {
	}

	public static synchronized EmbeddedInfra get() {
		if (infra == null) {
			try {
				Path dir = Files.createTempDirectory("embedded-infra-test");
				infra = EmbeddedInfra.start(InfraSettings.from(settings(dir)::get));
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					infra.close();
					deleteRecursively(dir);
				}));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Embedded infrastructure did not start", ex);
			}
		}
		return infra;
	}

	private static Map<String, String> settings(Path dir) {
		Map<String, String> values = new HashMap<>();
		values.put("ATLAS_DATA_DIR", dir.toString());
		values.put("JWT_SECRET", JWT_SECRET);
		for (String port : new String[] { "ATLAS_KAFKA_PORT", "ATLAS_KAFKA_CONTROLLER_PORT",
				"ATLAS_MONGO_NOTIFICATION_PORT", "ATLAS_MONGO_LODGING_PORT", "ATLAS_MONGO_REPORTING_PORT",
				"ATLAS_SMTP_PORT", "ATLAS_MAIL_UI_PORT", "ATLAS_LEGACY_PORT" }) {
			values.put(port, String.valueOf(freePort()));
		}
		return values;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: a temp directory left behind is harmless.
		}
	}

}
