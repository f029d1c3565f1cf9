package com.onsiteatlas.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the launcher makes a class-data archive, when it reuses one, and that a process
 * still starts from its jar when none can be made. The JVM's side is in
 * {@link JvmTrainingTests}.
 */
class ClassDataArchivesTests {

	@TempDir
	Path home;

	final List<String> trained = new ArrayList<>();

	final List<String> said = new ArrayList<>();

	boolean failTraining;

	Path jar;

	Path copy;

	ClassDataArchives archives;

	@BeforeEach
	void setUp() throws IOException {
		this.jar = Files.writeString(Files.createDirectories(this.home.resolve("target")).resolve("demo-service.jar"),
				"build 1");
		this.copy = Files.createDirectories(this.home.resolve("run")).resolve("demo-service.jar");
		Files.copy(this.jar, this.copy);
		this.archives = new ClassDataArchives(this.home.resolve("cds"), new FakeTraining(), this.said::add);
	}

	@Test
	void makesTheArchiveOnceAndStartsFromTheExtractedJarWithIt() {
		assertThat(this.archives.launch(this.jar, this.copy)).containsExactly("-jar", this.copy.toString());

		this.archives.prepare(List.of(job()));
		this.archives.prepare(List.of(job()));

		assertThat(this.trained).hasSize(1);
		Path build = this.archives.buildFolder(this.jar);
		assertThat(this.archives.launch(this.jar, this.copy)).containsExactly(
				"-XX:SharedArchiveFile=" + build.resolve("app.jsa"), "-jar",
				build.resolve("demo-service.jar").toString());
	}

	@Test
	void aRebuiltJarGetsItsOwnArchiveAndOnlyTheLastTwoBuildsAreKept() throws IOException {
		this.archives.prepare(List.of(job()));
		Path first = this.archives.buildFolder(this.jar);
		rebuild("build 2, a little longer", 1);
		assertThat(this.archives.launch(this.jar, this.copy)).as("no archive for the new build yet")
			.containsExactly("-jar", this.copy.toString());
		this.archives.prepare(List.of(job()));
		Path second = this.archives.buildFolder(this.jar);
		rebuild("build 3, longer than the others", 2);
		this.archives.prepare(List.of(job()));

		assertThat(this.trained).hasSize(3);
		assertThat(second).exists();
		assertThat(first).as("the oldest build's folder").doesNotExist();
		assertThat(this.archives.launch(this.jar, this.copy).get(0)).startsWith("-XX:SharedArchiveFile=");
	}

	@Test
	void startsFromTheJarWhenTheArchiveCannotBeMade() {
		this.failTraining = true;

		this.archives.prepare(List.of(job()));

		assertThat(this.archives.launch(this.jar, this.copy)).containsExactly("-jar", this.copy.toString());
		assertThat(this.archives.buildFolder(this.jar)).doesNotExist();
		assertThat(this.said).anyMatch((line) -> line.contains("demo-service: no class-data archive"));
	}

	private ClassDataArchives.Job job() {
		ProcessSpec spec = new ProcessSpec("demo-service", "demo-service", ProcessSpec.Role.SERVICE, 8080, Map.of(),
				List.of("-Xmx64m"));
		return new ClassDataArchives.Job(spec, this.jar, this.copy);
	}

	private void rebuild(String content, int minutesLater) throws IOException {
		Files.writeString(this.jar, content);
		Files.setLastModifiedTime(this.jar,
				FileTime.fromMillis(Files.getLastModifiedTime(this.jar).toMillis() + minutesLater * 60_000L));
		Files.copy(this.jar, this.copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** Extracts by copying the jar, trains by writing an archive file. */
	class FakeTraining implements ClassDataArchives.Training {

		@Override
		public void extract(Path jar, Path into) throws IOException {
			Files.createDirectories(into.resolve("lib"));
			Files.copy(jar, into.resolve(jar.getFileName()));
		}

		@Override
		public void train(ProcessSpec spec, Path extractedJar, Path archive) throws IOException {
			ClassDataArchivesTests.this.trained.add(spec.module());
			if (!ClassDataArchivesTests.this.failTraining) {
				Files.writeString(archive, "classes of " + Files.readString(extractedJar));
			}
		}

	}

}
