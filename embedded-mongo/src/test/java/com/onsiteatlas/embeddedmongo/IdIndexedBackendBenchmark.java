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
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
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
 * {@code bench/mongo-index.sh}; not a test. Then bulk upserts of registration-sized
 * documents by id, the read models' write during event ingest.
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
		System.out.printf(Locale.ROOT,
				"%nbulk upserts by _id of registration-like documents (20 fields), %d per bulk, %.1f s per case%n",
				UPSERT_BULK, seconds);
		System.out.printf(Locale.ROOT, "%-34s %8s %8s %10s%n", "backend", "docs", "upserts", "upserts/s");
		for (int size : sizes) {
			for (Case benchmarked : cases) {
				upserts(benchmarked, size, seconds);
			}
		}
	}

	private static final int UPSERT_BULK = 500;

	// The read models' write: newest snapshot per id, replaced (or inserted) in one
	// unordered bulk, over a collection of `size` registrations.
	private static void upserts(Case benchmarked, int size, double seconds) {
		MongoServer server = new MongoServer(benchmarked.backend().apply(-size));
		try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build())) {
			MongoCollection<Document> collection = client.getDatabase("bench").getCollection("registrations");
			SplittableRandom random = new SplittableRandom(7);
			long[] version = { 0 };
			upsertUntil(collection, random, version, size, Long.MAX_VALUE, size);
			upsertUntil(collection, random, version, size, System.nanoTime() + (long) (seconds * 2e8), -1);
			long start = System.nanoTime();
			long done = upsertUntil(collection, random, version, size, start + (long) (seconds * 1e9), -1);
			double elapsed = (System.nanoTime() - start) / 1e9;
			System.out.printf(Locale.ROOT, "%-34s %8d %8d %10.1f%n", benchmarked.name(), size, done, done / elapsed);
		}
		finally {
			server.shutdownNow();
		}
	}

	private static long upsertUntil(MongoCollection<Document> collection, SplittableRandom random, long[] version,
			int size, long deadline, long limit) {
		long done = 0;
		while (System.nanoTime() < deadline && (limit < 0 || done < limit)) {
			List<ReplaceOneModel<Document>> bulk = new ArrayList<>(UPSERT_BULK);
			for (int i = 0; i < UPSERT_BULK; i++) {
				int id = (limit >= 0) ? (int) (done + i) % size : random.nextInt(size);
				bulk.add(new ReplaceOneModel<>(new Document("_id", "r-" + id), registration(id, ++version[0]),
						new ReplaceOptions().upsert(true)));
			}
			collection.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
			done += UPSERT_BULK;
		}
		return done;
	}

	private static Document registration(int id, long version) {
		Document document = new Document("_id", "r-" + id).append("eventId", "event-" + (id % 7))
			.append("version", version)
			.append("registrationId", "REG-" + id)
			.append("email", "guest" + id + "@example.org")
			.append("firstName", "Guest")
			.append("lastName", "Number " + id)
			.append("phone", "+33 6 12 34 " + (id % 100))
			.append("category", "Delegate")
			.append("status", "active")
			.append("country", "France")
			.append("organization", "Hospital " + (id % 50))
			.append("designation", "Doctor")
			.append("city", "Lyon")
			.append("dietary", "none")
			.append("arrivalDate", "2026-12-01")
			.append("departureDate", "2026-12-04")
			.append("checkedIn", false)
			.append("createdAt", new java.util.Date(1_700_000_000_000L + id));
		return document.append("customFields", new Document("tshirt", "M").append("newsletter", true));
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
