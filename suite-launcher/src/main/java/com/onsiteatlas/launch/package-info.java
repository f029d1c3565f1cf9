/**
 * The one way to start the whole suite on one machine: the plan (which processes, ports
 * and environment), the start order and waits, and the commands {@code bin/atlas} runs.
 * suite-tests use the same classes in their JVM.
 */
package com.onsiteatlas.launch;
