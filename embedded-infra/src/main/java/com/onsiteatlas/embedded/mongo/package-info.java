/**
 * MongoDB wire-protocol servers (mongo-java-server with its H2 file backend), one per
 * service that owns a database, so services use the real MongoDB driver against data that
 * survives restarts. The backends here extend mongo-java-server's to look any query that
 * pins the {@code _id} up in the {@code _id} index.
 */
package com.onsiteatlas.embedded.mongo;
