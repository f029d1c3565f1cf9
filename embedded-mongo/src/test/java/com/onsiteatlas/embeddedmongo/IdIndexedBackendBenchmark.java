package com.onsiteatlas.embeddedmongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

/**
 * Guarded findAndModify by id ({@code {_id, $or: [lease missing, lease expired]}}, the
 * shape of the dispatcher's and the relay's claims) against mongo-java-server's backends
 * and their id-indexed versions, in one run, one client, over the wire. Run by
 * {@code bench/mongo-index.sh}; not a test.
 */
public final class IdIndexedBackendBenchmark {

	private IdIndexedBackendBenchmark() {
	}

	/**
	 * Runs every backend against every collection size.
	 * @param args collection sizes (default 10000 50000), then seconds measured per case
	 * (default 5)
	 * @throws IOException when the temporary directory for the H2 files cannot be made
	 */
	public static void main(String[] args) throws IOException {
		List<Integer> sizes = new ArrayList<>();
		double seconds = 5;
		for (String arg : args) {
			if (arg.startsWith("seconds=")) {
				seconds = Double.parseDouble(arg.substring("seconds=".length()));
			}
			else {
				sizes.add(Integer.valueOf(arg));
			}
		}
		if (sizes.isEmpty()) {
			sizes = List.of(10_000, 50_000);
		}
		Path dir = Files.createTempDirectory("mongo-index-bench");
		List<Case> cases = List.of(new Case("memory (MemoryBackend)", (n) -> new MemoryBackend()),
				new Case("memory (IdIndexedMemoryBackend)", (n) -> new IdIndexedMemoryBackend()),
				new Case("h2 file (H2Backend)", (n) -> new H2Backend(dir.resolve("plain-" + n + ".mv.db").toString())),
				new Case("h2 file (IdIndexedH2Backend)",
						(n) -> new IdIndexedH2Backend(dir.resolve("indexed-" + n + ".mv.db").toString())));
		System.out.printf(Locale.ROOT, "guarded findAndModify by _id, %d cores, %s, %.1f s per case%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds);
		System.out.printf(Locale.ROOT, "%-34s %8s %8s %10s %10s %10s%n", "backend", "docs", "ops", "ops/s", "p50 ms",
				"p99 ms");
		for (int size : sizes) {
			for (Case benchmarked : cases) {
				run(benchmarked, size, seconds);
			}
		}
	}

	private static void run(Case benchmarked, int size, double seconds) {
		MongoServer server = new MongoServer(benchmarked.backend().apply(size));
		try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build())) {
			MongoCollection<Document> collection = client.getDatabase("bench").getCollection("notifications");
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				batch.add(new Document("_id", "n-" + i).append("status", "PENDING").append("attempts", 0));
				if (batch.size() == 1000) {
					collection.insertMany(batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				collection.insertMany(batch);
			}
			SplittableRandom random = new SplittableRandom(42);
			long[] clock = { 0 };
			// Warm up for a fifth of the measured time, then measure.
			claimUntil(collection, random, clock, size, System.nanoTime() + (long) (seconds * 2e8), null);
			List<Long> latencies = new ArrayList<>();
			long start = System.nanoTime();
			claimUntil(collection, random, clock, size, start + (long) (seconds * 1e9), latencies);
			double elapsed = (System.nanoTime() - start) / 1e9;
			long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			System.out.printf(Locale.ROOT, "%-34s %8d %8d %10.1f %10.3f %10.3f%n", benchmarked.name(), size,
					sorted.length, sorted.length / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
		}
		finally {
			server.shutdownNow();
		}
	}

	private static void claimUntil(MongoCollection<Document> collection, SplittableRandom random, long[] clock,
			int size, long deadline, List<Long> latencies) {
		FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
		while (System.nanoTime() < deadline) {
			long now = ++clock[0];
			Document filter = new Document("_id", "n-" + random.nextInt(size)).append("$or",
					List.of(new Document("leaseUntil", new Document("$exists", false)),
							new Document("leaseUntil", new Document("$lt", now))));
			long started = System.nanoTime();
			Document claimed = collection.findOneAndUpdate(filter,
					Updates.combine(Updates.set("leaseUntil", now), Updates.inc("attempts", 1)), after);
			long took = System.nanoTime() - started;
			if (claimed == null) {
				throw new IllegalStateException("The guard did not match: " + filter);
			}
			if (latencies != null) {
				latencies.add(took);
			}
		}
	}

	private static double percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private record Case(String name, Function<Integer, MongoBackend> backend) {
	}

}
