package com.onsiteatlas.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.onsiteatlas.launch.ProcessSpec.Role;

/**
 * The start order, the waits and the stop of the suite. {@link #up} starts the embedded
 * infrastructure and waits for its {@code READY} line; then the registry, waiting until
 * it is healthy; then the three business services and the gateway together, waiting until
 * each is healthy, the business services are registered in Eureka and the gateway routes
 * to each of them (Eureka knowing a service is not enough: the gateway fetches the
 * registry on its own schedule, and answers 503 on a service's {@code /v3/api-docs} route
 * until it has an instance). {@link #down} stops in the reverse order.
 * <p>
 * Longer than 300 lines because the start order, the waits between its stages and the
 * stop order are one sequence to read from top to bottom; how a process starts
 * ({@link Processes}) and what a wait asks ({@link Probes}) live in their own classes.
 */
public final class Suite {

	private static final Duration POLL = Duration.ofMillis(250);

	private final SuitePlan plan;

	private final Processes processes;

	private final Consumer<String> out;

	private final Probes probes;

	/** Second instances of services, started by tests. */
	private final Map<String, ProcessSpec> instances = new LinkedHashMap<>();

	private long startedAt = System.nanoTime();

	public Suite(SuitePlan plan, Consumer<String> out) {
		this.plan = plan;
		this.out = out;
		this.processes = new Processes(plan, out);
		this.probes = new Probes(plan);
	}

	public SuitePlan plan() {
		return this.plan;
	}

	public Processes processes() {
		return this.processes;
	}

	public Probes probes() {
		return this.probes;
	}

	/**
	 * Starts what does not run yet, in order, and waits until all of it is ready.
	 * @param infraOnly only the embedded infrastructure
	 * @throws StartFailure when a process exits or the plan's timeout passes first
	 */
	public void up(boolean infraOnly) {
		if (!infraOnly) {
			// Before anything runs: a training start takes CPU the other starts need, and
			// must not meet a running broker or store.
			this.processes.prepareArchives(this.plan.processes()
				.stream()
				.filter((spec) -> spec.role() != Role.INFRA && !this.processes.isRunning(spec.name()))
				.toList());
		}
		this.startedAt = System.nanoTime();
		long deadline = this.startedAt + this.plan.timeout().toNanos();
		startInfra(deadline);
		if (infraOnly) {
			return;
		}
		// The registry starts together with the services: it is up long before them (it
		// is the smallest), and a service that finds it missing registers at its next
		// heartbeat; starting it first only added its start-up time to every "up".
		List<ProcessSpec> all = new ArrayList<>(this.plan.processes(Role.REGISTRY));
		all.addAll(this.plan.processes(Role.SERVICE));
		this.out.accept("Starting " + String.join(" ", all.stream().map(ProcessSpec::name).toList()) + " ...");
		all.forEach(this::startService);
		awaitHealthy(all, deadline);
		awaitRegistered(deadline);
		awaitGatewayRoutes(deadline);
	}

	/**
	 * Whether every process of the plan runs.
	 * @param infraOnly only count the embedded infrastructure
	 * @return true when nothing would be started
	 */
	public boolean allRunning(boolean infraOnly) {
		return this.plan.processes()
			.stream()
			.filter((spec) -> !infraOnly || spec.role() == Role.INFRA)
			.allMatch((spec) -> this.processes.isRunning(spec.name()));
	}

	private void startInfra(long deadline) {
		List<ProcessSpec> infra = this.plan.processes(Role.INFRA);
		if (infra.isEmpty()) {
			this.out.accept("Embedded infrastructure: not needed (Kafka, MongoDB, SMTP and the legacy backend are all"
					+ " external)");
			return;
		}
		List<ProcessSpec> starting = new ArrayList<>();
		for (ProcessSpec spec : infra) {
			if (this.processes.isRunning(spec.name())) {
				this.out.accept("Embedded infrastructure: " + spec.name() + " already running (pid "
						+ this.processes.pid(spec.name()).orElseThrow() + ")");
			}
			else {
				starting.add(spec);
			}
		}
		if (starting.isEmpty()) {
			return;
		}
		if (starting.size() == infra.size()) {
			refuseBusyPorts(this.plan.infraPorts(), "");
		}
		String parts = String.join(", ",
				java.util.Arrays.stream(SuitePlan.Part.values())
					.filter(this.plan::embeds)
					.map(SuitePlan.Part::label)
					.toList());
		this.out.accept("Starting embedded infrastructure (" + parts + ") ...");
		Map<String, Integer> readyBefore = new LinkedHashMap<>();
		for (ProcessSpec spec : starting) {
			readyBefore.put(spec.name(), readyLinesBeforeStart(spec.name()));
			this.processes.start(spec);
		}
		for (ProcessSpec spec : starting) {
			int before = readyBefore.get(spec.name());
			await(spec.name(), "its READY line", deadline,
					() -> this.processes.readyLines(spec.name()).size() > before);
			List<String> ready = this.processes.readyLines(spec.name());
			this.out.accept("  " + ready.get(ready.size() - 1));
		}
	}

	/**
	 * The {@code READY} lines a start must add to: none when the start moves the old log
	 * aside, the ones already in the log when it appends.
	 */
	private int readyLinesBeforeStart(String name) {
		return this.plan.layout().rotateLogs() ? 0 : this.processes.readyLines(name).size();
	}

	private void startService(ProcessSpec spec) {
		if (this.processes.isRunning(spec.name())) {
			this.out.accept("  " + spec.name() + ": already running (pid "
					+ this.processes.pid(spec.name()).orElseThrow() + ")");
			return;
		}
		refuseBusyPorts(Map.of(spec.name(), spec.port()), " (" + spec.name() + ")");
		long pid = this.processes.start(spec);
		this.out.accept("  " + spec.name() + ": starting on port " + spec.port() + " (pid " + pid + ")");
	}

	private void refuseBusyPorts(Map<String, Integer> ports, String what) {
		List<String> busy = ports.values().stream().filter(Probes::portOpen).map(String::valueOf).toList();
		if (!busy.isEmpty()) {
			throw new StartFailure("port " + String.join(", ", busy) + what
					+ " is already in use by a process this launcher did not start; stop it (or set the variable for"
					+ " an external server or another port, see docs/embedded-suite.md) and start again", List.of());
		}
	}

	private void awaitHealthy(List<ProcessSpec> specs, long deadline) {
		List<ProcessSpec> pending = new ArrayList<>(specs);
		while (!pending.isEmpty()) {
			for (ProcessSpec spec : List.copyOf(pending)) {
				if (this.probes.healthy(spec)) {
					this.out.accept("  " + spec.name() + ": UP after " + elapsedSeconds() + " s");
					pending.remove(spec);
				}
				else if (!this.processes.isRunning(spec.name())) {
					throw new StartFailure(spec.name() + " exited during start-up", List.of(spec.name()));
				}
			}
			if (!pending.isEmpty()) {
				pause(deadline, "waiting for " + names(pending) + " to report UP",
						pending.stream().map(ProcessSpec::name).toList());
			}
		}
	}

	private void awaitRegistered(long deadline) {
		this.out.accept("Waiting for " + String.join(" ", SuitePlan.BUSINESS) + " to register with Eureka ...");
		await(SuitePlan.BUSINESS, "registration in " + this.plan.url(SuitePlan.REGISTRY) + "/eureka/apps", deadline,
				() -> this.probes.registered().containsAll(SuitePlan.BUSINESS));
		this.out.accept("  all three registered after " + elapsedSeconds() + " s");
	}

	private void awaitGatewayRoutes(long deadline) {
		this.out.accept("Waiting for the gateway to see " + String.join(" ", SuitePlan.BUSINESS) + " ...");
		for (String service : SuitePlan.BUSINESS) {
			await(List.of(SuitePlan.GATEWAY), "a route to " + service, deadline,
					() -> this.probes.status(this.plan.gatewayUrl() + "/v3/api-docs/" + service) == 200);
		}
		this.out.accept("  the gateway routes to all three after " + elapsedSeconds() + " s");
	}

	/**
	 * Starts a second instance of a business service on a free port, with the same
	 * database, broker and consumer groups as the first, and waits for its health.
	 * @param service the service
	 * @param instance the new process's name, e.g. {@code notification-service-2}
	 * @param port the new instance's port
	 * @return its base URL
	 */
	public String startAnotherInstance(String service, String instance, int port) {
		ProcessSpec spec = this.plan.process(service).instance(instance, port);
		this.instances.put(instance, spec);
		this.processes.start(spec);
		long deadline = System.nanoTime() + this.plan.timeout().toNanos();
		awaitHealthy(List.of(spec), deadline);
		return this.plan.baseUrl(port);
	}

	/**
	 * Starts a stopped process again with its settings and waits until it is ready (its
	 * health for a service, a new {@code READY} line for an infrastructure part).
	 * @param name the process
	 */
	public void start(String name) {
		if (this.processes.isRunning(name)) {
			throw new IllegalStateException(name + " is running");
		}
		ProcessSpec spec = spec(name);
		long deadline = System.nanoTime() + this.plan.timeout().toNanos();
		if (spec.role() == Role.INFRA) {
			int before = readyLinesBeforeStart(name);
			this.processes.start(spec);
			await(name, "its READY line", deadline, () -> this.processes.readyLines(name).size() > before);
		}
		else {
			this.processes.start(spec);
			awaitHealthy(List.of(spec), deadline);
		}
	}

	/**
	 * Stops one process (SIGTERM, SIGKILL after 20 s) and starts it again from a fresh
	 * copy of its jar where the layout copies on every start.
	 * @param name the process
	 */
	public void restart(String name) {
		stop(name);
		ProcessSpec spec = spec(name);
		if (spec.role() == Role.INFRA) {
			start(name);
			return;
		}
		this.startedAt = System.nanoTime();
		startService(spec);
		awaitHealthy(List.of(spec), System.nanoTime() + this.plan.timeout().toNanos());
	}

	public void stop(String name) {
		this.processes.stop(List.of(name));
	}

	public void kill(String name) {
		this.processes.kill(name);
	}

	/**
	 * Stops everything: the gateway, the services and their extra instances together,
	 * then the registry, then the infrastructure.
	 */
	public void down() {
		List<String> front = new ArrayList<>(this.instances.keySet());
		this.plan.processes(Role.SERVICE).forEach((spec) -> front.add(spec.name()));
		this.processes.stop(front);
		this.processes.stop(this.plan.processes(Role.REGISTRY).stream().map(ProcessSpec::name).toList());
		// Also the one-JVM infrastructure of the other kind of plan, should it run.
		List<String> infra = new ArrayList<>(this.plan.processes(Role.INFRA).stream().map(ProcessSpec::name).toList());
		if (!infra.contains(SuitePlan.INFRA_MODULE)) {
			infra.add(SuitePlan.INFRA_MODULE);
		}
		this.processes.stop(infra);
		this.processes.forgetStale();
	}

	private ProcessSpec spec(String name) {
		ProcessSpec instance = this.instances.get(name);
		return (instance != null) ? instance : this.plan.process(name);
	}

	private void await(String name, String what, long deadline, BooleanSupplier condition) {
		await(List.of(name), what, deadline, condition);
	}

	private void await(List<String> names, String what, long deadline, BooleanSupplier condition) {
		while (!condition.getAsBoolean()) {
			for (String name : names) {
				if (!this.processes.isRunning(name)) {
					throw new StartFailure(name + " exited while waiting for " + what, List.of(name));
				}
			}
			pause(deadline, "waiting for " + String.join(", ", names) + ": " + what, names);
		}
	}

	private void pause(long deadline, String what, List<String> logs) {
		if (System.nanoTime() > deadline) {
			throw new StartFailure("timed out after " + this.plan.timeout().toSeconds() + " s " + what, logs);
		}
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartFailure("interrupted " + what, logs);
		}
	}

	private long elapsedSeconds() {
		return Duration.ofNanos(System.nanoTime() - this.startedAt).toSeconds();
	}

	private static String names(List<ProcessSpec> specs) {
		return String.join(" ", specs.stream().map(ProcessSpec::name).toList());
	}

	/**
	 * A process exited or did not become ready in time; names the logs that say why.
	 */
	public final class StartFailure extends RuntimeException {

		private final List<String> logs;

		StartFailure(String message, List<String> logs) {
			super(message);
			this.logs = List.copyOf(logs);
		}

		/**
		 * The message followed by the last lines of each named log.
		 * @return the text
		 */
		public String withLogs() {
			StringBuilder text = new StringBuilder(getMessage());
			for (String name : this.logs) {
				text.append("\n---- last 40 lines of ")
					.append(Suite.this.plan.layout().log(name))
					.append(" ----\n")
					.append(Suite.this.processes.tail(name));
			}
			return text.toString();
		}

	}

}
