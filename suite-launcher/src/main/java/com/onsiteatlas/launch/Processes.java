package com.onsiteatlas.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts and stops the suite's JVMs: each runs a copy of its module's jar, writes to its
 * own log and leaves its pid in a file, so that a later launcher (another
 * {@code bin/atlas} command) finds it. A pid only counts while that process still runs
 * the expected jar.
 */
public final class Processes {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final SuitePlan plan;

	private final Layout layout;

	private final Consumer<String> out;

	private final ClassDataArchives archives;

	/** The processes this launcher started itself, by name. */
	private final Map<String, Process> children = new LinkedHashMap<>();

	public Processes(SuitePlan plan, Consumer<String> out) {
		this.plan = plan;
		this.layout = plan.layout();
		this.out = out;
		this.archives = new ClassDataArchives(this.layout.home().resolve("cds"), new JvmTraining(this.layout.logs()),
				out);
	}

	/**
	 * Starts a process from a copy of its jar.
	 * @param spec the process
	 * @return its pid
	 */
	public long start(ProcessSpec spec) {
		Path jar = this.plan.jar(spec.module());
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (bin/atlas up --build, or ./mvnw install)");
		}
		try {
			Files.createDirectories(this.layout.logs());
			Files.createDirectories(this.layout.pids());
			Files.createDirectories(this.layout.jars());
			Path copy = copyOfJar(jar);
			Path log = this.layout.log(spec.name());
			if (this.layout.rotateLogs() && Files.exists(log)) {
				Files.move(log, log.resolveSibling(spec.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
			}
			List<String> command = new ArrayList<>();
			if (this.layout.detached() && new File("/usr/bin/setsid").canExecute()) {
				// A session of its own: Ctrl-C on bin/atlas or a closed terminal leaves
				// it running (setsid execs in place, so the pid stays the JVM's).
				command.add("/usr/bin/setsid");
			}
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(spec.jvmOptions());
			if (usesArchive(spec)) {
				command.addAll(this.archives.launch(jar, copy));
			}
			else {
				command.add("-jar");
				command.add(copy.toString());
			}
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.layout.home().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(spec.env());
			Process process = builder.start();
			this.children.put(spec.name(), process);
			Files.writeString(pidFile(spec.name()), process.pid() + "\n");
			return process.pid();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + spec.name(), ex);
		}
	}

	/**
	 * Makes the class-data archives these processes will start with, where the plan runs
	 * them with archives and a build has none yet ({@link ClassDataArchives}).
	 * @param specs the processes about to start
	 */
	public void prepareArchives(List<ProcessSpec> specs) {
		List<ClassDataArchives.Job> jobs = new ArrayList<>();
		for (ProcessSpec spec : specs) {
			Path jar = this.plan.jar(spec.module());
			if (usesArchive(spec) && Files.isRegularFile(jar)) {
				try {
					Files.createDirectories(this.layout.jars());
					jobs.add(new ClassDataArchives.Job(spec, jar, copyOfJar(jar)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot copy " + jar, ex);
				}
			}
		}
		this.archives.prepare(jobs);
	}

	private boolean usesArchive(ProcessSpec spec) {
		return this.plan.classDataArchives() && spec.role() != ProcessSpec.Role.INFRA;
	}

	private Path copyOfJar(Path jar) throws IOException {
		Path copy = this.layout.jars().resolve(jar.getFileName());
		if (this.layout.copyJarOnEveryStart() || !Files.exists(copy)) {
			Path partial = copy.resolveSibling(copy.getFileName() + ".tmp");
			Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return copy;
	}

	/**
	 * The pid of a running process of the suite, whether this launcher or an earlier one
	 * started it.
	 * @param name the process name
	 * @return its pid, empty when it does not run
	 */
	public Optional<Long> pid(String name) {
		Process child = this.children.get(name);
		if (child != null) {
			return child.isAlive() ? Optional.of(child.pid()) : Optional.empty();
		}
		Path file = pidFile(name);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readString(file).trim());
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> runs(pid, name))
			.map(ProcessHandle::pid);
	}

	public boolean isRunning(String name) {
		return pid(name).isPresent();
	}

	/** Whether the process with this pid runs the jar copy of the named process. */
	private boolean runs(long pid, String name) {
		String module = moduleOf(name);
		String expected = this.plan.jar(module).getFileName().toString();
		Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
		if (Files.isReadable(cmdline)) {
			try {
				return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(expected);
			}
			catch (IOException ex) {
				return false;
			}
		}
		return ProcessHandle.of(pid)
			.flatMap((handle) -> handle.info().commandLine())
			.map((line) -> line.contains(expected))
			.orElse(true);
	}

	private String moduleOf(String name) {
		return this.plan.processes()
			.stream()
			.filter((spec) -> spec.name().equals(name))
			.map(ProcessSpec::module)
			.findFirst()
			.orElseGet(() -> name.replaceFirst("-\\d+$", ""));
	}

	/**
	 * Stops processes together: SIGTERM to all, up to 20 s for all of them, then SIGKILL
	 * to the rest.
	 * @param names the processes
	 */
	public void stop(List<String> names) {
		Map<String, ProcessHandle> stopping = new LinkedHashMap<>();
		for (String name : names) {
			pid(name).flatMap(ProcessHandle::of).ifPresent((handle) -> {
				handle.destroy();
				stopping.put(name, handle);
				this.out.accept("  " + name + ": stopping (pid " + handle.pid() + ")");
			});
		}
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		stopping.forEach((name, handle) -> {
			long left = Math.max(0, deadline - System.nanoTime());
			try {
				handle.onExit().get(left, TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				this.out
					.accept("  " + name + ": still running after " + STOP_GRACE.toSeconds() + " s, sending SIGKILL");
				handle.destroyForcibly();
				awaitExit(handle);
			}
		});
		names.forEach(this::forget);
	}

	/**
	 * Kills a process at once (SIGKILL), as a crash or an OOM kill would.
	 * @param name the process
	 */
	public void kill(String name) {
		pid(name).flatMap(ProcessHandle::of).ifPresent((handle) -> {
			handle.destroyForcibly();
			awaitExit(handle);
		});
		forget(name);
	}

	private static void awaitExit(ProcessHandle handle) {
		try {
			handle.onExit().get(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// Gone or not, there is nothing more to send it.
		}
	}

	private void forget(String name) {
		this.children.remove(name);
		try {
			Files.deleteIfExists(pidFile(name));
		}
		catch (IOException ex) {
			// A stale pid file only counts while its process runs the jar.
		}
	}

	/**
	 * Removes the pid files of processes that are gone.
	 */
	public void forgetStale() {
		if (!Files.isDirectory(this.layout.pids())) {
			return;
		}
		try (var files = Files.list(this.layout.pids())) {
			files.map((file) -> file.getFileName().toString())
				.filter((file) -> file.endsWith(".pid"))
				.map((file) -> file.substring(0, file.length() - 4))
				.filter((name) -> !isRunning(name))
				.forEach(this::forget);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The names this launcher started and that still run, in start order.
	 * @return the names
	 */
	public List<String> children() {
		return this.children.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isAlive())
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The lines of a process's log that start with {@code READY}.
	 * @param name the process
	 * @return the lines, oldest first
	 */
	public List<String> readyLines(String name) {
		Path log = this.layout.log(name);
		if (!Files.isRegularFile(log)) {
			return List.of();
		}
		try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.startsWith("READY")).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of();
		}
	}

	/**
	 * The last 40 lines of a process's log.
	 * @param name the process
	 * @return the lines, or a note that there is no log
	 */
	public String tail(String name) {
		try {
			List<String> lines = Files.readAllLines(this.layout.log(name), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log)";
		}
	}

	private Path pidFile(String name) {
		return this.layout.pids().resolve(name + ".pid");
	}

}
