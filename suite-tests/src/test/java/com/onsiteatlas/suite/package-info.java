/**
 * Whole-suite tests: every service's real jar runs as its own process on the embedded
 * infrastructure, and the tests use the suite as its users do: through the gateway, with
 * ONSITE ATLAS tokens, and by publishing domain events.
 */
package com.onsiteatlas.suite;
