/**
 * Where the mapped events go: the Kafka topics (idempotent producer, {@code acks=all},
 * replay-marked, deterministic ids) or, in a dry run, only a count.
 */
package com.onsiteatlas.legacyimport.publish;
