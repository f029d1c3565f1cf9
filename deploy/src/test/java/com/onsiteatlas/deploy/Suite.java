package com.onsiteatlas.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the deployment artefacts describe: the five services, their ports, and where the
 * repository is.
 */
final class Suite {

	/**
	 * One name everywhere: module, spring.application.name, Eureka id, compose service,
	 * Deployment.
	 */
	static final Map<String, Integer> PORTS = Map.of("registry-service", 8761, "gateway-service", 8080,
			"notification-service", 8081, "lodging-travel-service", 8082, "reporting-service", 8083);

	static final Set<String> SERVICES = PORTS.keySet();

	static final Set<String> BUSINESS_SERVICES = Set.of("notification-service", "lodging-travel-service",
			"reporting-service");

	static final String GATEWAY = "gateway-service";

	static final String REGISTRY = "registry-service";

	private Suite() {
	}

	/**
	 * The repository root: the nearest directory, from the working directory up, that
	 * holds docker-compose.yml. Maven runs the tests in deploy/, an IDE may run them in
	 * the root.
	 */
	static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
				return dir;
			}
		}
		throw new IllegalStateException(
				"No docker-compose.yml in " + Path.of("").toAbsolutePath() + " or any parent directory");
	}

	/** Walks maps by key and lists by index; null as soon as a step is missing. */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			if (current instanceof Map<?, ?> map) {
				current = map.get(step);
			}
			else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
				current = list.get(index);
			}
			else {
				return null;
			}
		}
		return (T) current;
	}

}
