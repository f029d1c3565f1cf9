package com.onsiteatlas.embedded.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;

import com.onsiteatlas.embeddedmongo.IdIndexedH2Backend;

/**
 * One MongoDB-wire server per store, each backed by its own H2 MVStore file through
 * {@link IdIndexedH2Backend}, so that a guarded write by id does not scan the collection.
 * The oplog is enabled so that change streams work. Not supported by mongo-java-server:
 * multi-document transactions, {@code $text} queries and TTL expiry (see the stack
 * findings).
 */
public final class MongoServers implements AutoCloseable {

	private final String host;

	private final Map<String, Integer> ports;

	private final List<MongoServer> servers;

	private MongoServers(String host, Map<String, Integer> ports, List<MongoServer> servers) {
		this.host = host;
		this.ports = ports;
		this.servers = servers;
	}

	/**
	 * Starts one server per store.
	 * @param dir the directory holding one {@code <store>.mv.db} file per store
	 * @param host the address to bind to
	 * @param ports store name to port
	 * @return the running servers
	 * @throws IOException when the directory cannot be created
	 */
	public static MongoServers start(Path dir, String host, Map<String, Integer> ports) throws IOException {
		Files.createDirectories(dir);
		List<MongoServer> servers = new ArrayList<>();
		MongoServers started = new MongoServers(host, Collections.unmodifiableMap(new LinkedHashMap<>(ports)), servers);
		try {
			ports.forEach((store, port) -> {
				// No oplog: nothing reads change streams, and mongo-java-server's oplog
				// is a
				// collection that copies every write into the same file and never shrinks
				// (17 % of the store's CPU during ingest; docs/PERFORMANCE.md).
				MongoServer server = new MongoServer(new IdIndexedH2Backend(file(dir, store).toString()));
				servers.add(server);
				server.bind(host, port);
			});
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
		return started;
	}

	/**
	 * The H2 file of a store.
	 * @param dir the mongo data directory
	 * @param store the store name
	 * @return the file path
	 */
	public static Path file(Path dir, String store) {
		return dir.resolve(store + ".mv.db");
	}

	/**
	 * Connection strings by store, without a database name (each service picks its own).
	 * @return store name to {@code mongodb://host:port}
	 */
	public Map<String, String> connectionStrings() {
		Map<String, String> uris = new LinkedHashMap<>();
		this.ports.forEach((store, port) -> uris.put(store, "mongodb://" + this.host + ":" + port));
		return uris;
	}

	/**
	 * Closes every server; closing the H2 backend writes all pending changes to its file.
	 */
	@Override
	public void close() {
		for (MongoServer server : this.servers) {
			server.shutdown();
		}
		this.servers.clear();
	}

}
