package com.onsiteatlas.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bin/atlas up}'s question before it builds: does the suite not run yet while a
 * jar it needs is missing or older than a main source, a pom or the organiser console's
 * sources?
 */
final class BuildCheck {

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private final Path root;

	private final PrintStream out;

	BuildCheck(Path root, PrintStream out) {
		this.root = root;
		this.out = out;
	}

	/**
	 * Exit 0 (and says why) when the suite does not run yet and a jar it needs is missing
	 * or older than a main source, a pom or the organiser console's sources.
	 */
	int run(boolean infraOnly) {
		Suite suite = new Suite(SuitePlan.fromEnvironment(this.root, Map.of()), (line) -> {
		});
		if (suite.allRunning(infraOnly)) {
			return 1;
		}
		List<String> modules = new ArrayList<>(List.of(SuitePlan.INFRA_MODULE, "suite-launcher"));
		if (!infraOnly) {
			modules.addAll(List.of(SuitePlan.REGISTRY, SuitePlan.GATEWAY));
			modules.addAll(SuitePlan.BUSINESS);
		}
		FileTime oldest = null;
		Path oldestJar = null;
		for (String module : modules) {
			Path jar = suite.plan().jar(module);
			if (!Files.isRegularFile(jar)) {
				this.out.println("Build needed: " + this.root.relativize(jar) + " is missing");
				return 0;
			}
			FileTime time = lastModified(jar);
			if (oldest == null || time.compareTo(oldest) < 0) {
				oldest = time;
				oldestJar = jar;
			}
		}
		List<Path> sources = new ArrayList<>(List.of(this.root.resolve("pom.xml")));
		for (String module : modules()) {
			sources.add(this.root.resolve(module).resolve("src/main"));
			sources.add(this.root.resolve(module).resolve("pom.xml"));
		}
		// The organiser console (packaged into the gateway's jar) keeps its sources
		// outside src/main.
		for (String console : List.of("src", "index.html", "package.json", "package-lock.json", "vite.config.ts",
				"tsconfig.json")) {
			sources.add(this.root.resolve("organiser-console").resolve(console));
		}
		FileTime built = oldest;
		for (Path source : sources) {
			Optional<Path> newer = newerFile(source, built);
			if (newer.isPresent()) {
				this.out.println("Build needed: " + this.root.relativize(newer.get()) + " changed since "
						+ this.root.relativize(oldestJar) + " was built");
				return 0;
			}
		}
		return 1;
	}

	private List<String> modules() {
		try {
			Matcher matcher = MODULE.matcher(Files.readString(this.root.resolve("pom.xml")));
			List<String> modules = new ArrayList<>();
			while (matcher.find()) {
				modules.add(matcher.group(1));
			}
			return modules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Path> newerFile(Path source, FileTime than) {
		if (!Files.exists(source)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.walk(source)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> lastModified(file).compareTo(than) > 0)
				.findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
