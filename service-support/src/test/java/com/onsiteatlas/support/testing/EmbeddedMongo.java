package com.onsiteatlas.support.testing;

import de.bwaldvogel.mongo.MongoServer;

import com.onsiteatlas.embeddedmongo.IdIndexedMemoryBackend;

/**
 * One in-memory MongoDB-wire server per test JVM, started on first use; its collections
 * use the {@code _id} index for every query that pins {@code _id} (embedded-mongo).
 */
public final class EmbeddedMongo {

	private static MongoServer server;

	private static String uri;

	private EmbeddedMongo() {
	}

	/**
	 * The connection string of the shared server.
	 * @return e.g. {@code mongodb://127.0.0.1:40123}
	 */
	public static synchronized String uri() {
		if (server == null) {
			// No oplog, as in the embedded suite: no service reads change streams.
			server = new MongoServer(new IdIndexedMemoryBackend());
			uri = server.bindAndGetConnectionString();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
		}
		return uri;
	}

	/**
	 * The server, e.g. to stop it in a fault test.
	 * @return the server
	 */
	public static synchronized MongoServer server() {
		uri();
		return server;
	}

}
