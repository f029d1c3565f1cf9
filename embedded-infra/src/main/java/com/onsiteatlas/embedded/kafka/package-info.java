/**
 * A real Apache Kafka broker (KRaft combined mode, one node) running inside the
 * infrastructure JVM from Kafka's own jars, so services talk the real protocol without
 * Docker.
 */
package com.onsiteatlas.embedded.kafka;
