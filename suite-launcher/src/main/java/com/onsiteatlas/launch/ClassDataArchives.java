package com.onsiteatlas.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs each Spring Boot application of the suite from its extracted jar with a class-data
 * archive (AppCDS), which the JVM maps instead of loading and verifying the same classes
 * on every start. Start-up is bound by CPU (five JVMs on the machine's cores), and an
 * archive cuts a service's start-up CPU time to about a third (docs/PERFORMANCE.md,
 * "Start-up").
 * <p>
 * An archive belongs to one build of one jar: it is made once, the first time that build
 * starts (the jar extracted with Spring Boot's {@code jarmode=tools}, then one training
 * start that stops when the context is refreshed, with {@code -XX:ArchiveClassesAtExit}),
 * kept in a folder named after the jar's size and modification time, and reused by every
 * later start. When making it fails, the process starts from its jar as before; an
 * archive the JVM finds stale is ignored by the JVM itself ({@code -Xshare:auto}).
 */
final class ClassDataArchives {

	private static final String ARCHIVE = "app.jsa";

	private static final int KEPT_BUILDS = 2;

	private final Path folder;

	private final Training training;

	private final Consumer<String> out;

	ClassDataArchives(Path folder, Training training, Consumer<String> out) {
		this.folder = folder;
		this.training = training;
		this.out = out;
	}

	/**
	 * Makes the archives that are missing for these processes, two at a time.
	 * @param jobs each process with the jar it runs
	 */
	void prepare(List<Job> jobs) {
		List<Job> missing = jobs.stream().filter((job) -> !ready(job.jar())).toList();
		if (missing.isEmpty()) {
			return;
		}
		this.out.accept("Preparing class-data archives for "
				+ String.join(" ", missing.stream().map((job) -> job.spec().module()).distinct().toList())
				+ " (once per build; later starts are faster) ...");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			missing.stream().filter(distinctJars()).forEach((job) -> runs.add(pool.submit(() -> makeQuietly(job))));
			for (Future<?> run : runs) {
				run.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			this.out.accept("  class-data archives: " + ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * What follows the JVM options on the command line of a process that runs this jar:
	 * its extracted jar with its archive when one is ready, the jar copy otherwise.
	 * @param jar the module's jar (the build)
	 * @param copy the copy of it the process would run
	 * @return the arguments
	 */
	List<String> launch(Path jar, Path copy) {
		Path build = buildFolder(jar);
		if (ready(jar)) {
			return List.of("-XX:SharedArchiveFile=" + build.resolve(ARCHIVE), "-jar",
					build.resolve(jar.getFileName()).toString());
		}
		return List.of("-jar", copy.toString());
	}

	boolean ready(Path jar) {
		Path build = buildFolder(jar);
		try {
			return Files.isRegularFile(build.resolve(jar.getFileName())) && Files.isRegularFile(build.resolve(ARCHIVE))
					&& Files.size(build.resolve(ARCHIVE)) > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void makeQuietly(Job job) {
		String module = job.spec().module();
		long started = System.nanoTime();
		try {
			make(job);
			this.out.accept(
					"  " + module + ": archive ready after " + (System.nanoTime() - started) / 1_000_000_000 + " s");
		}
		catch (RuntimeException | IOException ex) {
			this.out
				.accept("  " + module + ": no class-data archive (" + ex.getMessage() + "); it starts from its jar");
		}
	}

	private void make(Job job) throws IOException {
		Path build = buildFolder(job.jar());
		Path partial = build.resolveSibling(build.getFileName() + ".partial");
		deleteTree(partial);
		Files.createDirectories(this.folder);
		this.training.extract(job.copy(), partial);
		if (!Files.isRegularFile(partial.resolve(job.jar().getFileName()))) {
			throw new IllegalStateException("the extracted jar is missing");
		}
		// The archive records the class path it was made with, so it is made where the
		// extracted jar will run from: train in place, then move the whole folder.
		deleteTree(build);
		Files.move(partial, build);
		try {
			this.training.train(job.spec(), build.resolve(job.jar().getFileName()), build.resolve(ARCHIVE));
			if (!ready(job.jar())) {
				throw new IllegalStateException("the training start wrote no archive");
			}
		}
		catch (RuntimeException | IOException ex) {
			deleteTree(build);
			throw ex;
		}
		removeOlderBuilds(job.jar(), build);
	}

	/**
	 * The folder of this build of the jar: named after the module's jar, its size and its
	 * modification time (not the copy's, which each start may write again), so a rebuild
	 * gets a new folder and a running process keeps its own.
	 */
	Path buildFolder(Path jar) {
		try {
			String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
			return this.folder.resolve(name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void removeOlderBuilds(Path jar, Path current) throws IOException {
		String prefix = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-";
		try (Stream<Path> builds = Files.list(this.folder)) {
			List<Path> older = builds
				.filter((path) -> path.getFileName().toString().startsWith(prefix) && !path.equals(current)
						&& !path.getFileName().toString().endsWith(".partial"))
				.sorted(Comparator.comparing(ClassDataArchives::builtAt).reversed())
				.toList();
			for (Path old : older.subList(Math.min(older.size(), KEPT_BUILDS - 1), older.size())) {
				deleteTree(old);
			}
		}
	}

	/** The jar's modification time, the last part of a build folder's name. */
	private static long builtAt(Path build) {
		String name = build.getFileName().toString();
		try {
			return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static java.util.function.Predicate<Job> distinctJars() {
		java.util.Set<Path> seen = new java.util.HashSet<>();
		return (job) -> seen.add(job.jar());
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	/**
	 * A process and its jar.
	 *
	 * @param spec the process
	 * @param jar the module's jar: its size and modification time name the build
	 * @param copy the copy the process runs, which is what gets extracted (a rebuild may
	 * rewrite the module's jar at any time)
	 */
	record Job(ProcessSpec spec, Path jar, Path copy) {
	}

	/** The two steps that make an archive; the real ones run the JVM. */
	interface Training {

		/**
		 * Extracts a Spring Boot jar into a folder that does not exist yet: a jar of the
		 * same name and {@code lib/}.
		 * @param jar the jar
		 * @param into the folder
		 * @throws IOException when it fails
		 */
		void extract(Path jar, Path into) throws IOException;

		/**
		 * Starts the application once, until its context is refreshed, writing the
		 * archive at exit.
		 * @param spec the process (its JVM options and environment)
		 * @param extractedJar the extracted jar
		 * @param archive where the archive goes
		 * @throws IOException when it fails
		 */
		void train(ProcessSpec spec, Path extractedJar, Path archive) throws IOException;

	}

}
