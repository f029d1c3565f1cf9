package com.onsiteatlas.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.onsiteatlas.launch.ProcessSpec.Role;

/**
 * {@code bin/atlas status}: the pid and health of every process, which embedded parts
 * answer, and what Eureka has registered.
 */
final class StatusReport {

	private final SuitePlan plan;

	private final PrintStream out;

	StatusReport(SuitePlan plan, PrintStream out) {
		this.plan = plan;
		this.out = out;
	}

	int print() {
		Suite suite = new Suite(this.plan, (line) -> {
		});
		Processes processes = suite.processes();
		String row = "%-24s %-8s %-7s %s%n";
		this.out.printf(row, "COMPONENT", "PID", "STATE", "DETAILS");
		Optional<Long> infraPid = processes.pid(SuitePlan.INFRA_MODULE);
		if (infraPid.isPresent()) {
			List<String> ready = processes.readyLines(SuitePlan.INFRA_MODULE);
			String parts = ready.isEmpty() ? "starting" : String.join(" ", infraParts(suite, ready.get(0)));
			this.out.printf(row, SuitePlan.INFRA_MODULE, infraPid.get(), "running", parts);
		}
		else {
			this.out.printf(row, SuitePlan.INFRA_MODULE, "-", "stopped", "");
		}
		for (ProcessSpec spec : plan.processes()) {
			if (spec.role() == Role.INFRA) {
				continue;
			}
			Optional<Long> pid = processes.pid(spec.name());
			String details = "";
			if (pid.isPresent()) {
				String health = suite.probes().body(plan.baseUrl(spec.port()) + "/actuator/health", "application/json");
				details = (health != null) ? health : "no answer on port " + spec.port();
			}
			this.out.printf(row, spec.name(), pid.map(String::valueOf).orElse("-"),
					pid.isPresent() ? "running" : "stopped", details);
		}
		if (suite.probes().body(plan.eurekaUrl() + "apps", "application/json") != null) {
			List<String> registered = suite.probes().registered();
			this.out.println("Eureka: registered: " + (registered.isEmpty() ? "none" : String.join(" ", registered)));
		}
		return 0;
	}

	/**
	 * Which embedded parts answer, from the READY line that says which parts this run
	 * embeds and where: {@code kafka=127.0.0.1:9092 mongo.reporting=... }.
	 */
	private static List<String> infraParts(Suite suite, String ready) {
		List<String> parts = new ArrayList<>();
		for (String entry : ready.substring(ready.indexOf(": ") + 2).trim().split("\\s+")) {
			int equals = entry.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String key = entry.substring(0, equals);
			String value = entry.substring(equals + 1);
			if (key.equals("data") || value.equals("external")) {
				continue;
			}
			if (key.equals("mail-ui") || key.equals("legacy")) {
				String health = value + (key.equals("legacy") ? "/api/health" : "/health");
				parts.add(key + ((suite.probes().body(health, "application/json") != null) ? " up" : " DOWN"));
			}
			else {
				String port = value.substring(value.lastIndexOf(':') + 1);
				parts.add(key + ":" + port + (Probes.portOpen(Integer.parseInt(port)) ? " up" : " DOWN"));
			}
		}
		return parts;
	}

}
