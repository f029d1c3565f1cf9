/**
 * Local development infrastructure in one JVM, so that the whole suite runs on a machine
 * with only a JDK: a Kafka broker, MongoDB-wire servers, a mail catcher and a stand-in
 * for the legacy ONSITE ATLAS backend. Nothing here is deployed; production uses real
 * Kafka, MongoDB, SMTP and ONSITE ATLAS.
 */
package com.onsiteatlas.embedded;
