package com.onsiteatlas.reporting;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsObject;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

/**
 * The GridFS template of the tests. It can hold the copy of chosen files into GridFS
 * until the test releases it, so a test makes the last step of an export as slow as it
 * needs (longer than the lease) without sleeping; every other file is stored at once.
 */
public class GatedGridFs extends ReactiveGridFsTemplate {

	private final Map<String, Sinks.Empty<Void>> gates = new ConcurrentHashMap<>();

	private final Set<String> reached = ConcurrentHashMap.newKeySet();

	GatedGridFs(ReactiveMongoDatabaseFactory database, MappingMongoConverter converter) {
		super(DefaultDataBufferFactory.sharedInstance, database, converter, null);
	}

	/**
	 * Holds the stores of files whose name contains a marker (export file names contain
	 * the event id) until {@link #release}.
	 * @param marker part of the file name
	 */
	public void hold(String marker) {
		this.gates.put(marker, Sinks.empty());
	}

	/**
	 * Lets the held stores of a marker go on.
	 * @param marker part of the file name
	 */
	public void release(String marker) {
		Sinks.Empty<Void> gate = this.gates.remove(marker);
		if (gate != null) {
			gate.tryEmitEmpty();
		}
	}

	/**
	 * Whether a store of a held marker has started and waits.
	 * @param marker part of the file name
	 * @return true once a store waits
	 */
	public boolean waiting(String marker) {
		return this.reached.contains(marker);
	}

	@Override
	public <T> Mono<T> store(GridFsObject<T, Publisher<DataBuffer>> upload) {
		return Mono.defer(() -> {
			String name = (upload.getFilename() != null) ? upload.getFilename() : "";
			return this.gates.entrySet()
				.stream()
				.filter((gate) -> name.contains(gate.getKey()))
				.findFirst()
				.map((gate) -> {
					this.reached.add(gate.getKey());
					return gate.getValue().asMono().then(super.store(upload));
				})
				.orElseGet(() -> super.store(upload));
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		GatedGridFs gatedGridFs(ReactiveMongoDatabaseFactory database, MappingMongoConverter converter) {
			return new GatedGridFs(database, converter);
		}

	}

}
