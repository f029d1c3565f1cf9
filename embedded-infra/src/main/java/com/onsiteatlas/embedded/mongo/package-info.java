/**
 * MongoDB wire-protocol servers (mongo-java-server with its H2 file backend), one per
 * service that owns a database, so services use the real MongoDB driver against data that
 * survives restarts.
 */
package com.onsiteatlas.embedded.mongo;
