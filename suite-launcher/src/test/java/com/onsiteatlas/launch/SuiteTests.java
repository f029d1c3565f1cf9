package com.onsiteatlas.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteTests {

	@TempDir
	Path root;

	private final List<String> printed = new ArrayList<>();

	@Test
	void startsTheInfrastructureAgainAfterMovingItsOldLogAside() throws IOException {
		writeFakeInfraJar();
		SuitePlan plan = SuitePlan.fromEnvironment(this.root,
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "MONGODB_URI", "mongodb://db", "SMTP_HOST", "smtp",
						"ATLAS_LEGACY_PORT", String.valueOf(freePort()), "ATLAS_TIMEOUT", "60"));
		Suite suite = new Suite(plan, this.printed::add);
		try {
			suite.up(true);
			assertThat(suite.processes().isRunning("embedded-infra")).isTrue();
			suite.down();
			assertThat(suite.processes().isRunning("embedded-infra")).isFalse();

			suite.up(true);

			assertThat(suite.processes().isRunning("embedded-infra")).isTrue();
			assertThat(this.printed).filteredOn((line) -> line.startsWith("  READY")).hasSize(2);
			assertThat(plan.layout().logs().resolve("embedded-infra.log.1")).content().startsWith("READY");
		}
		finally {
			suite.down();
		}
		assertThat(suite.processes().isRunning("embedded-infra")).isFalse();
		assertThat(plan.layout().pids()).isEmptyDirectory();
	}

	private void writeFakeInfraJar() throws IOException {
		Path jar = this.root.resolve("embedded-infra/target/embedded-infra-" + SuitePlan.version() + ".jar");
		Files.createDirectories(jar.getParent());
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeInfra.class.getName());
		String entry = FakeInfra.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream in = FakeInfra.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			in.transferTo(out);
			out.closeEntry();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
