package com.onsiteatlas.launch;

import java.util.List;
import java.util.Map;

/**
 * One process of the suite: which module's jar it runs, with which environment and JVM
 * options, and how the launcher knows it is ready.
 *
 * @param name the process name (log, pid file and the name commands take), e.g.
 * {@code kafka} or {@code notification-service-2}
 * @param module the module whose packaged jar runs
 * @param role where it sits in the start order
 * @param port the HTTP port of a service (its health), 0 for an infrastructure process
 * @param env the environment added to the inherited one
 * @param jvmOptions the JVM options before {@code -jar}
 */
public record ProcessSpec(String name, String module, Role role, int port, Map<String, String> env,
		List<String> jvmOptions) {

	public ProcessSpec {
		env = Map.copyOf(env);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * The same process under another name and port (a second instance of a service).
	 * @param otherName the new name
	 * @param otherPort the new HTTP port
	 * @return the copy
	 */
	public ProcessSpec instance(String otherName, int otherPort) {
		java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(this.env);
		copy.put("SERVER_PORT", String.valueOf(otherPort));
		return new ProcessSpec(otherName, this.module, this.role, otherPort, copy, this.jvmOptions);
	}

	/** The stages of the start order; each stage stops before the one it depends on. */
	public enum Role {

		/** Embedded infrastructure: ready when its log has a new {@code READY} line. */
		INFRA,

		/** The Eureka server: started alone, ready when healthy. */
		REGISTRY,

		/**
		 * The business services and the gateway: started together, ready when healthy.
		 */
		SERVICE

	}

}
