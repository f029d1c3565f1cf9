/**
 * Test fixtures the services share through this module's test-jar: one in-memory
 * MongoDB-wire server per JVM, the embedded Kafka broker's address, and gateway identity
 * tokens.
 */
package com.onsiteatlas.support.testing;
