package com.onsiteatlas.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTests {

	private static final List<String> JARS = List.of("embedded-infra", "suite-launcher", "registry-service",
			"gateway-service", "notification-service", "lodging-travel-service", "reporting-service");

	@TempDir
	Path root;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private Launcher launcher() {
		return new Launcher(this.root, Map.of(), new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	@Test
	void needsABuildWhenAJarIsMissing() throws IOException {
		writePom();
		Instant built = Instant.parse("2026-01-01T00:00:00Z");
		for (String module : JARS.subList(1, JARS.size())) {
			touch(jar(module), built);
		}

		assertThat(launcher().run(List.of("build-needed"))).isZero();
		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.contains("Build needed: embedded-infra/target/embedded-infra-" + SuitePlan.version() + ".jar is missing");
	}

	@Test
	void needsABuildWhenASourceIsNewerThanTheOldestJar() throws IOException {
		writePom();
		Instant built = Instant.parse("2026-01-01T00:00:00Z");
		JARS.forEach((module) -> touch(jar(module), built));
		touch(this.root.resolve("gateway-service/src/main/java/Gateway.java"), built.plusSeconds(60));

		assertThat(launcher().run(List.of("build-needed"))).isZero();
		assertThat(this.printed.toString(StandardCharsets.UTF_8))
			.contains("Build needed: gateway-service/src/main/java/Gateway.java changed since");
	}

	@Test
	void needsNoBuildWhenEveryJarIsNewerThanItsSources() throws IOException {
		writePom();
		Instant built = Instant.parse("2026-01-01T00:00:00Z");
		touch(this.root.resolve("gateway-service/src/main/java/Gateway.java"), built.minusSeconds(60));
		JARS.forEach((module) -> touch(jar(module), built));

		assertThat(launcher().run(List.of("build-needed"))).isOne();
	}

	@Test
	void rejectsUnknownCommandsAndComponents() {
		assertThatThrownBy(() -> launcher().run(List.of("launch"))).isInstanceOf(Launcher.UsageException.class);
		assertThatThrownBy(() -> launcher().run(List.of("logs", "kafka"))).isInstanceOf(Launcher.UsageException.class)
			.hasMessageContaining("unknown component 'kafka'");
		assertThatThrownBy(() -> launcher().run(List.of("up", "--fast"))).isInstanceOf(Launcher.UsageException.class)
			.hasMessageContaining("unknown option --fast");
	}

	private void writePom() throws IOException {
		Files.writeString(this.root.resolve("pom.xml"),
				"<modules><module>gateway-service</module><module>embedded-infra</module></modules>");
		touch(this.root.resolve("pom.xml"), Instant.parse("2025-01-01T00:00:00Z"));
	}

	private Path jar(String module) {
		return this.root.resolve(module).resolve("target").resolve(module + "-" + SuitePlan.version() + ".jar");
	}

	private static void touch(Path file, Instant time) {
		try {
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				Files.createFile(file);
			}
			Files.setLastModifiedTime(file, FileTime.from(time));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
