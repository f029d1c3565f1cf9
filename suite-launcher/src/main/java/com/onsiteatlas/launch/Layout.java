package com.onsiteatlas.launch;

import java.nio.file.Path;

/**
 * Where a suite keeps its logs, pid files and jar copies, and how it treats them.
 *
 * @param home the folder everything lives under
 * @param detached whether processes outlive the launcher ({@code bin/atlas}: a new
 * session, so neither Ctrl-C nor closing the terminal stops them) or are its children
 * (tests: stopped with the test JVM)
 * @param rotateLogs whether a start keeps the previous log as {@code <name>.log.1}
 * (otherwise a restart appends to the same log)
 * @param copyJarOnEveryStart whether each start copies the module's jar again (so
 * {@code restart} picks up a rebuilt jar) or only the first one (so a test run keeps one
 * build from start to end)
 */
public record Layout(Path home, boolean detached, boolean rotateLogs, boolean copyJarOnEveryStart) {

	static Layout local(Path home) {
		return new Layout(home, true, true, true);
	}

	static Layout isolated(Path home) {
		return new Layout(home, false, false, false);
	}

	public Path logs() {
		return this.home.resolve("logs");
	}

	public Path log(String name) {
		return logs().resolve(name + ".log");
	}

	public Path pids() {
		return this.home.resolve("pids");
	}

	/**
	 * The copies of the jars the processes run: a rebuild while the suite runs rewrites
	 * {@code target/*.jar}, and a JVM whose jar changes under it fails later with
	 * {@code NoClassDefFoundError}.
	 * @return the folder
	 */
	public Path jars() {
		return this.home.resolve("run");
	}

}
