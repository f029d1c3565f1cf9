package com.onsiteatlas.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The organiser console's browser journeys (organiser-console/e2e, Playwright Test in
 * Debian's headless Chromium) against this suite: the console as the gateway serves it at
 * {@code /console/}, sign-in through the gateway's pass-through to the legacy stand-in,
 * Kafka events published by the specs, mail read back from the SMTP capture. Playwright's
 * output is streamed into this test's log; screenshots go to {@code docs/console/}.
 * Skipped only where Chromium or node is absent (bin/verify installs both).
 * {@code -Dconsole.specs=e2e/journey-5-roles.spec.ts} runs a subset.
 */
@Order(5)
class ConsoleBrowserTests {

	private static final Duration LIMIT = Duration.ofMinutes(25);

	private static SuiteHarness suite;

	@BeforeAll
	static void startSuite() {
		String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
		assumeTrue(Files.isExecutable(Path.of(chromium)), "Chromium is not installed at " + chromium);
		assumeTrue(nodeVersion() != null, "node is not installed");
		suite = SuiteHarness.get();
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void theFiveJourneysPassInARealBrowser() throws Exception {
		Path console = suite.root().resolve("organiser-console");
		assertThat(console.resolve("node_modules/.bin/playwright"))
			.as("organiser-console's npm ci (the Maven build runs it) installs Playwright")
			.exists();
		// The console this suite serves is the one the gateway jar was built with.
		HttpResponse<String> index = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(suite.gateway() + "/console/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(index.statusCode()).as("the gateway serves the console").isEqualTo(200);
		assertThat(index.body()).contains("<div id=\"root\">");

		List<String> command = new ArrayList<>(List.of("npx", "playwright", "test"));
		String specs = System.getProperty("console.specs", "").trim();
		if (!specs.isEmpty()) {
			command.addAll(List.of(specs.split("[,\\s]+")));
		}
		ProcessBuilder builder = new ProcessBuilder(command).directory(console.toFile()).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("ATLAS_CONSOLE_URL", suite.gateway() + "/console/");
		env.put("ATLAS_GATEWAY", suite.gateway());
		env.put("ATLAS_MAIL_API", suite.mailApi());
		env.put("ATLAS_KAFKA", suite.kafkaBootstrap());
		env.put("JWT_SECRET", SuiteHarness.JWT_SECRET);
		env.put("ATLAS_SCREENSHOTS", suite.root().resolve("docs/console") + "/");
		env.put("ATLAS_E2E_OUTPUT", suite.root().resolve("suite-tests/target/playwright").toString());
		env.put("CI", "1");
		env.put("FORCE_COLOR", "0");

		long started = System.nanoTime();
		Process process = builder.start();
		Deque<String> tail = new ArrayDeque<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				System.out.println("[playwright] " + line);
				tail.addLast(line);
				if (tail.size() > 400) {
					tail.removeFirst();
				}
			}
		}
		if (!process.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			fail("Playwright did not finish within " + LIMIT + ":\n" + String.join("\n", tail));
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		System.out.println("[playwright] exit " + process.exitValue() + " after " + seconds + " s");
		if (process.exitValue() != 0) {
			fail("npx playwright test exited with " + process.exitValue() + " after " + seconds + " s:\n"
					+ String.join("\n", tail));
		}
	}

	private static String nodeVersion() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0) ? version : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
