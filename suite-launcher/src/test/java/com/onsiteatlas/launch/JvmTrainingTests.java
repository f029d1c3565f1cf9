package com.onsiteatlas.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real JVM steps on the smallest application of the suite, the registry: the archive
 * is made, and a start with it loads its classes from the archive.
 */
class JvmTrainingTests {

	@TempDir
	Path home;

	@Test
	void makesAnArchiveTheNextStartLoadsItsClassesFrom() throws Exception {
		Path jar = registryJar();
		Path copy = Files.copy(jar, Files.createDirectories(this.home.resolve("run")).resolve(jar.getFileName()));
		List<String> said = new ArrayList<>();
		ClassDataArchives archives = new ClassDataArchives(this.home.resolve("cds"),
				new JvmTraining(this.home.resolve("logs")), said::add);
		ProcessSpec spec = new ProcessSpec("registry-service", "registry-service", ProcessSpec.Role.REGISTRY, 0,
				Map.of("ATLAS_DEV_DEFAULTS_ALLOWED", "true"), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));

		archives.prepare(List.of(new ClassDataArchives.Job(spec, jar, copy)));

		assertThat(said).anyMatch((line) -> line.contains("registry-service: archive ready"));
		List<String> launch = archives.launch(jar, copy);
		assertThat(launch.get(0)).startsWith("-XX:SharedArchiveFile=");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-Xlog:class+load=info", "-Dspring.context.exit=onRefresh",
						"-Dserver.port=0", "-Deureka.client.enabled=false"));
		command.addAll(launch);
		Path log = this.home.resolve("start.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(spec.env());
		Process start = builder.start();
		assertThat(start.waitFor(4, TimeUnit.MINUTES)).as("the start with the archive ends").isTrue();
		long fromArchive;
		try (Stream<String> lines = Files.lines(log)) {
			fromArchive = lines.filter((line) -> line.contains("source: shared objects file (top)")).count();
		}
		assertThat(fromArchive).as("application classes loaded from the dynamic archive").isGreaterThan(1000);
	}

	private static Path registryJar() throws IOException {
		Path target = Path.of("..", "registry-service", "target");
		assumeTrue(Files.isDirectory(target), "the registry is not built");
		try (Stream<Path> files = Files.list(target)) {
			Path jar = files.filter((path) -> path.getFileName().toString().matches("registry-service-.*\\.jar"))
				.findFirst()
				.orElse(null);
			assumeTrue(jar != null, "the registry is not built");
			return jar;
		}
	}

}
