package com.onsiteatlas.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.onsiteatlas.launch.SuitePlan.Part;

/**
 * The commands of {@code bin/atlas}, run from the repository root:
 *
 * <pre>
 * up [--build] [--infra-only] [--timeout N]   start what does not run, seed the demo data, print URLs and tokens
 * down                                        stop everything, infrastructure last
 * status                                      what runs and its health
 * restart &lt;service&gt;                          stop one process and start it from a fresh copy of its jar
 * seed                                        publish the demo data again, write fresh demo tokens
 * logs [name]                                 print the log file(s) for bin/atlas to follow
 * build-needed [--infra-only]                 exit 0 (and say why) when a jar is missing or older than a source
 * </pre>
 *
 * Exit status 1 with {@code ERROR: ...} and the end of the failing log when something
 * does not start.
 */
public final class Launcher {

	private final Path root;

	private final Map<String, String> env;

	private final PrintStream out;

	Launcher(Path root, Map<String, String> env, PrintStream out) {
		this.root = root;
		this.env = new HashMap<>(env);
		this.out = out;
	}

	public static void main(String[] args) {
		Launcher launcher = new Launcher(Path.of("").toAbsolutePath(), System.getenv(), System.out);
		int status;
		try {
			status = launcher.run(List.of(args));
		}
		catch (Suite.StartFailure ex) {
			System.err.println("ERROR: " + ex.withLogs());
			status = 1;
		}
		catch (UsageException | IllegalStateException | IllegalArgumentException | UncheckedIOException ex) {
			System.err.println("ERROR: " + ex.getMessage());
			status = (ex instanceof UsageException) ? 2 : 1;
		}
		System.exit(status);
	}

	int run(List<String> args) {
		String command = args.isEmpty() ? "" : args.get(0);
		List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
		return switch (command) {
			case "up" -> up(rest);
			case "down" -> down();
			case "status" -> new StatusReport(SuitePlan.fromEnvironment(this.root, this.env), this.out).print();
			case "restart" -> restart(rest);
			case "seed" -> seed();
			case "logs" -> logs(rest);
			case "build-needed" -> new BuildCheck(this.root, this.out).run(rest.contains("--infra-only"));
			default -> throw new UsageException(
					"unknown command '" + command + "' (up, down, status, restart, seed, logs, build-needed)");
		};
	}

	private Suite suite() {
		return new Suite(SuitePlan.fromEnvironment(this.root, this.env), this.out::println);
	}

	private int up(List<String> args) {
		boolean build = false;
		boolean infraOnly = false;
		for (int i = 0; i < args.size(); i++) {
			switch (args.get(i)) {
				case "--build" -> build = true;
				case "--infra-only" -> infraOnly = true;
				case "--timeout" -> {
					if (i + 1 >= args.size()) {
						throw new UsageException("--timeout needs seconds");
					}
					this.env.put("ATLAS_TIMEOUT", args.get(++i));
				}
				default -> throw new UsageException("unknown option " + args.get(i)
						+ " (usage: bin/atlas up [--build] [--infra-only] [--timeout N])");
			}
		}
		Suite suite = suite();
		if (suite.allRunning(infraOnly) && !build) {
			if (infraOnly) {
				this.out.println("The embedded infrastructure is already running (bin/atlas status shows details).");
			}
			else {
				this.out.println(
						"The suite is already running (bin/atlas status shows details; bin/atlas down stops" + " it).");
				summary(suite.plan());
			}
			return 0;
		}
		long started = System.nanoTime();
		suite.up(infraOnly);
		if (infraOnly) {
			this.out.println("Embedded infrastructure is up (--infra-only: no services started).");
			return 0;
		}
		seed(suite.plan());
		this.out.println();
		this.out.println(
				"ONSITE ATLAS services are up (" + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s).");
		summary(suite.plan());
		return 0;
	}

	private int down() {
		this.out.println("Stopping the ONSITE ATLAS suite ...");
		suite().down();
		this.out.println("Stopped.");
		return 0;
	}

	private int restart(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("usage: bin/atlas restart <service>");
		}
		suite().restart(canonical(args.get(0)));
		return 0;
	}

	private int seed() {
		SuitePlan plan = SuitePlan.fromEnvironment(this.root, this.env);
		seed(plan);
		printTokens(plan);
		return 0;
	}

	private int logs(List<String> args) {
		Path logs = SuitePlan.fromEnvironment(this.root, this.env).layout().logs();
		if (args.isEmpty()) {
			try (Stream<Path> files = Files.list(logs)) {
				files.filter((file) -> file.toString().endsWith(".log")).sorted().forEach(this.out::println);
			}
			catch (IOException ex) {
				throw new IllegalStateException("no logs yet in " + this.root.relativize(logs));
			}
			return 0;
		}
		Path log = logs.resolve(canonical(args.get(0)) + ".log");
		if (!Files.isRegularFile(log)) {
			throw new IllegalStateException("no log yet: " + this.root.relativize(log));
		}
		this.out.println(log);
		return 0;
	}

	private static String canonical(String name) {
		return switch (name) {
			case "infra", "embedded-infra" -> SuitePlan.INFRA_MODULE;
			case "registry", "registry-service", "eureka" -> SuitePlan.REGISTRY;
			case "gateway", "gateway-service" -> SuitePlan.GATEWAY;
			case "notification", "notification-service" -> "notification-service";
			case "lodging", "lodging-travel", "lodging-travel-service" -> "lodging-travel-service";
			case "reporting", "reporting-service" -> "reporting-service";
			default -> throw new UsageException(
					"unknown component '" + name + "' (infra, registry, gateway, notification, lodging, reporting)");
		};
	}

	// ---- demo data and summary --------------------------------------------------

	private Path tokensFile(SuitePlan plan) {
		return plan.layout().home().resolve("demo-tokens.env");
	}

	private void seed(SuitePlan plan) {
		Path log = plan.layout().logs().resolve("seed.log");
		runInfraTool(plan, log, "seed", "--bootstrap", plan.kafkaBootstrap(), "--out", tokensFile(plan).toString());
		this.out.println("Seeded the demo conference and 5 registrations (Kafka " + plan.kafkaBootstrap()
				+ "); tokens in .atlas/demo-tokens.env");
	}

	private void runInfraTool(SuitePlan plan, Path log, String... args) {
		Path jar = plan.jar(SuitePlan.INFRA_MODULE);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing; run bin/atlas up");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-jar", jar.toString()));
		command.addAll(List.of(args));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			SuitePlan.DEV_SECRETS
				.forEach((name, value) -> builder.environment().put(name, this.env.getOrDefault(name, value)));
			int exit = builder.start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException(String.join(" ", args).split(" ")[0] + " failed (exit " + exit
						+ "); see " + this.root.relativize(log) + ":\n" + Files.readString(log));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private void summary(SuitePlan plan) {
		String gateway = plan.gatewayUrl();
		String mongo = (plan.external("MONGODB_URI") != null) ? plan.external("MONGODB_URI")
				: "notification " + plan.mongoUri("notification-service") + ", lodging-travel "
						+ plan.mongoUri("lodging-travel-service") + ", reporting " + plan.mongoUri("reporting-service");
		String mail = plan.embeds(Part.MAIL) ? plan.mailUi() + "   (SMTP " + plan.smtpAddress() + ", any login)"
				: "external SMTP " + plan.smtpAddress();
		String legacy = plan.embeds(Part.LEGACY)
				? plan.legacyUrl() + "   (embedded stand-in: /api/auth/login and /api/auth/me for the demo staff users)"
				: plan.legacyUrl();
		this.out.println();
		this.out.println("  Gateway      " + gateway + "/api");
		this.out.println("  Swagger UI   " + gateway + "/swagger-ui.html");
		this.out.println("  Eureka       " + plan.url(SuitePlan.REGISTRY));
		this.out.println("  Mail UI      " + mail);
		this.out.println("  Console      " + gateway + "/console/   (demo sign-in: admin@demo.onsite-atlas.test /"
				+ " atlas-demo;");
		this.out.println("               manager@, staff@ the same; or it reuses the ONSITE ATLAS client's"
				+ " localStorage.token)");
		this.out.println("  Legacy       " + legacy);
		this.out.println("  Kafka        " + plan.kafkaBootstrap());
		this.out.println("  MongoDB      " + mongo);
		this.out.println("  Logs         .atlas/logs/<name>.log   (bin/atlas logs <name>)");
		this.out.println();
		if (!Files.isRegularFile(tokensFile(plan))) {
			try {
				runInfraTool(plan, plan.layout().logs().resolve("tokens.log"), "seed", "--tokens-only", "--out",
						tokensFile(plan).toString());
			}
			catch (IllegalStateException ex) {
				return;
			}
		}
		this.out.println("Demo tokens (valid 24 h; bin/atlas seed makes new ones), from .atlas/demo-tokens.env:");
		printTokens(plan);
		this.out.println();
		this.out.println("Try it through the gateway:");
		this.out.println("  source .atlas/demo-tokens.env");
		this.out.println("  curl -H \"Authorization: Bearer $ADMIN_TOKEN\" " + gateway
				+ "/api/events/$EVENT_ID/notification-templates");
		this.out.println(
				"  curl -H \"Authorization: Bearer $REGISTRANT_TOKEN\" " + gateway + "/api/events/$EVENT_ID/hotels");
		this.out.println("  curl -H \"Authorization: Bearer $MANAGER_TOKEN\" \"" + gateway
				+ "/api/export/configs?eventId=$EVENT_ID\"");
	}

	private void printTokens(SuitePlan plan) {
		try {
			Files.readAllLines(tokensFile(plan), StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.forEach((line) -> this.out.println("  " + line));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A command or option this launcher does not know. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}
