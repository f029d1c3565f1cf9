package com.onsiteatlas.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a class-data archive with the JVM: Spring Boot's {@code jarmode=tools extract},
 * then one start of the application that exits once its context is refreshed
 * ({@code spring.context.exit=onRefresh}) and writes the classes it loaded
 * ({@code -XX:ArchiveClassesAtExit}). The training start gets the process's own JVM
 * options and environment, so it loads what a real start loads, but reaches nothing: no
 * registry, an unused HTTP port, and a broker and database address where nothing listens,
 * so it never joins a consumer group or writes to a store.
 */
final class JvmTraining implements ClassDataArchives.Training {

	private static final Duration LIMIT = Duration.ofMinutes(4);

	private static final String NOWHERE = "127.0.0.1:9";

	private final Path logs;

	JvmTraining(Path logs) {
		this.logs = logs;
	}

	@Override
	public void extract(Path jar, Path into) throws IOException {
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", into.toString()),
				null, into.getFileName() + "-extract");
	}

	@Override
	public void train(ProcessSpec spec, Path extractedJar, Path archive) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(spec.jvmOptions());
		command.add("-XX:ArchiveClassesAtExit=" + archive);
		command.add("-Dspring.context.exit=onRefresh");
		command.add("-Dserver.port=0");
		command.add("-Deureka.client.enabled=false");
		command.add("-Dspring.kafka.bootstrap-servers=" + NOWHERE);
		command.add("-Dspring.data.mongodb.uri=mongodb://" + NOWHERE + "/training");
		command.add("-jar");
		command.add(extractedJar.toString());
		run(command, spec, spec.module() + "-training");
	}

	private void run(List<String> command, ProcessSpec spec, String logName) throws IOException {
		java.nio.file.Files.createDirectories(this.logs);
		File log = this.logs.resolve(logName + ".log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		if (spec != null) {
			builder.environment().putAll(spec.env());
		}
		Process process = builder.start();
		try {
			if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("took longer than " + LIMIT.toMinutes() + " min, see " + log);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		// A context that stops on refresh exits with 0; the archive is the real test.
		if (process.exitValue() != 0 && spec == null) {
			throw new IOException("exit " + process.exitValue() + ", see " + log);
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
