package com.onsiteatlas.embeddedmongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The id-indexed backends against the backends they extend (which scan the collection for
 * any query that is not exactly {@code {_id}}), the same operations on both servers.
 */
class IdIndexedBackendTests {

	private static final int DOCUMENTS = 200;

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	static Stream<Arguments> backends() {
		return Stream.of(
				Arguments.of("memory", (Supplier<MongoBackend>) IdIndexedMemoryBackend::new,
						(Supplier<MongoBackend>) MemoryBackend::new),
				Arguments.of("h2", (Supplier<MongoBackend>) () -> new IdIndexedH2Backend(MVStore.open(null)),
						(Supplier<MongoBackend>) () -> new H2Backend(MVStore.open(null))));
	}

	static List<Bson> queries() {
		List<Bson> queries = new ArrayList<>();
		queries.add(doc("_id", 7));
		queries.add(doc("_id", 7).append("group", "b"));
		queries.add(doc("_id", 7).append("group", "a"));
		queries.add(doc("_id", 1000).append("group", "b"));
		queries.add(doc("_id", 12345).append("group", "a"));
		queries.add(
				doc("_id", 7).append("$or", List.of(doc("lease", doc("$exists", false)), doc("lease", doc("$lt", 5)))));
		queries.add(
				doc("_id", 8).append("$or", List.of(doc("lease", doc("$exists", false)), doc("lease", doc("$lt", 5)))));
		queries.add(doc("_id", 10).append("$or",
				List.of(doc("lease", doc("$exists", false)), doc("lease", doc("$lt", 5)))));
		queries.add(doc("_id", doc("$eq", 7)).append("n", doc("$gte", 0)));
		queries.add(doc("_id", doc("$in", List.of(1000, 4, 2, 4, 99999))));
		queries.add(doc("_id", doc("$in", List.of(1000, 4, 2, 5, 99999))).append("n", doc("$lt", 100)));
		queries.add(doc("_id", doc("$in", List.of())).append("n", doc("$lt", 100)));
		queries.add(doc("$and", List.of(doc("_id", 7), doc("group", "b"))));
		queries.add(doc("$and", List.of(doc("group", "b"), doc("_id", 8))));
		queries.add(doc("_id", 7).append("$and", List.of(doc("n", 7), doc("group", doc("$ne", "c")))));
		queries.add(doc("_id", doc("$gt", 190)).append("group", "a"));
		queries.add(doc("_id", null).append("group", "a"));
		queries.add(doc("group", "a").append("n", doc("$lt", 20)));
		queries.add(doc("$or", List.of(doc("_id", 7), doc("_id", 9))));
		return queries;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void findsWhatTheScanningBackendFinds(String name, Supplier<MongoBackend> indexed,
			Supplier<MongoBackend> scanning) {
		MongoCollection<Document> fast = seeded(indexed.get());
		MongoCollection<Document> scan = seeded(scanning.get());

		for (Bson query : queries()) {
			List<Document> expected = scan.find(query).into(new ArrayList<>());
			assertThat(fast.find(query).into(new ArrayList<>())).as("%s", query).isEqualTo(expected);
			assertThat(fast.find(query).sort(doc("$natural", -1)).into(new ArrayList<>())).as("%s reversed", query)
				.isEqualTo(scan.find(query).sort(doc("$natural", -1)).into(new ArrayList<>()));
			assertThat(fast.find(query).sort(Sorts.descending("n")).into(new ArrayList<>())).as("%s by n", query)
				.isEqualTo(scan.find(query).sort(Sorts.descending("n")).into(new ArrayList<>()));
			assertThat(fast.countDocuments(query)).as("%s count", query).isEqualTo(expected.size());
		}
		assertThat(fast.find(doc("_id", 7).append("group", "b")).into(new ArrayList<>())).extracting("n")
			.containsExactly(7);
		assertThat(fast.find(doc("_id", doc("$in", List.of(1000, 4, 2, 5))).append("n", doc("$lt", 100)))
			.into(new ArrayList<>())).extracting("_id").containsExactlyInAnyOrder(2, 4, 5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void guardedWritesChangeWhatTheScanningBackendChanges(String name, Supplier<MongoBackend> indexed,
			Supplier<MongoBackend> scanning) {
		MongoCollection<Document> fast = seeded(indexed.get());
		MongoCollection<Document> scan = seeded(scanning.get());
		Bson free = doc("$or", List.of(doc("lease", doc("$exists", false)), doc("lease", doc("$lt", 5))));

		for (MongoCollection<Document> collection : List.of(fast, scan)) {
			UpdateResult claimed = collection.updateOne(doc("_id", 7).append("$or", List.of(free)),
					Updates.set("lease", 50));
			assertThat(claimed.getMatchedCount()).isEqualTo(1);
			UpdateResult taken = collection.updateOne(doc("_id", 7).append("$or", List.of(free)),
					Updates.set("lease", 60));
			assertThat(taken.getMatchedCount()).isZero();
			Document modified = collection.findOneAndUpdate(doc("$and", List.of(doc("_id", 9), free)),
					Updates.inc("n", 1000), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			assertThat(modified).isNotNull();
			assertThat(modified.getInteger("n")).isEqualTo(1009);
			assertThat(collection.findOneAndUpdate(doc("_id", 9).append("n", 9), Updates.inc("n", 1))).isNull();
			UpdateResult many = collection.updateMany(
					doc("_id", doc("$in", List.of(2, 4, 5, 1000))).append("group", "c"), Updates.set("touched", true));
			assertThat(many.getModifiedCount()).isEqualTo(2);
			DeleteResult deleted = collection.deleteOne(doc("_id", 11).append("group", "b"));
			assertThat(deleted.getDeletedCount()).isZero();
			assertThat(collection.deleteOne(doc("_id", 11).append("group", "c")).getDeletedCount()).isEqualTo(1);
			UpdateResult upserted = collection.updateOne(doc("_id", 5000).append("group", "a"), Updates.set("n", 5000),
					new UpdateOptions().upsert(true));
			assertThat(upserted.getUpsertedId()).isNotNull();
		}

		assertThat(fast.find().into(new ArrayList<>())).isEqualTo(scan.find().into(new ArrayList<>()));
		assertThat(fast.find(doc("touched", true)).into(new ArrayList<>())).extracting("_id")
			.containsExactlyInAnyOrder(2, 5);
		assertThat(fast.find(doc("_id", 5000)).first()).containsEntry("group", "a").containsEntry("n", 5000);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void pagesAndCountsAsTheScanningBackendDoes(String name, Supplier<MongoBackend> indexed,
			Supplier<MongoBackend> scanning) {
		MongoCollection<Document> fast = seeded(indexed.get());
		MongoCollection<Document> scan = seeded(scanning.get());

		List<Bson> queries = new ArrayList<>(queries());
		queries.add(doc("group", "b"));
		queries.add(new Document());
		for (Bson query : queries) {
			// Ties (group, and lease where it is missing) come back in scan order, as
			// from a stable sort of every match.
			for (Bson order : List.of(Sorts.descending("n"), Sorts.ascending("group", "n"), doc("$natural", -1),
					Sorts.ascending("group"), Sorts.descending("lease"))) {
				assertThat(fast.find(query)
					.sort(order)
					.skip(3)
					.limit(5)
					.projection(Projections.include("n"))
					.into(new ArrayList<>()))
					.as("%s %s page", query, order)
					.isEqualTo(scan.find(query)
						.sort(order)
						.skip(3)
						.limit(5)
						.projection(Projections.include("n"))
						.into(new ArrayList<>()));
			}
			CountOptions window = new CountOptions().skip(2).limit(7);
			assertThat(fast.countDocuments(query, window)).as("%s counted in a window", query)
				.isEqualTo(scan.countDocuments(query, window));
			assertThat(fast.countDocuments(query, new CountOptions().skip(500))).isZero();
		}
		List<Bson> groups = List.of(Aggregates.match(doc("n", doc("$lt", 50))),
				Aggregates.group("$group", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id")));
		assertThat(fast.aggregate(groups).into(new ArrayList<>()))
			.isEqualTo(scan.aggregate(groups).into(new ArrayList<>()))
			.hasSize(3);
		// The first client is the id-indexed backend's.
		MongoCollection<Document> missing = this.clients.get(0).getDatabase("test").getCollection("never-written");
		assertThat(missing.countDocuments(doc("group", "a"))).isZero();
	}

	/**
	 * The drivers' count pipeline is answered by counting the stored documents, through
	 * the {@code _id} index when the filter has an {@code _id}: the scanning backend runs
	 * the pipeline over every document and meets the poisoned one.
	 */
	@Test
	void aCountLooksAtTheQueriedIdOnly() {
		MongoCollection<Document> fast = seeded(new IdIndexedH2Backend(MVStore.open(null)));
		MongoCollection<Document> scan = seeded(new H2Backend(MVStore.open(null)));
		Bson poisoned = doc("$expr", doc("$gt", List.of(doc("$divide", List.of(1, "$d")), 0))).append("_id", 7);
		for (MongoCollection<Document> collection : List.of(fast, scan)) {
			collection.updateOne(doc("_id", 150), Updates.set("d", 0));
		}

		assertThatExceptionOfType(MongoException.class).isThrownBy(() -> scan.countDocuments(poisoned));
		assertThat(fast.countDocuments(poisoned)).isEqualTo(1);
		assertThat(fast.countDocuments(doc("_id", doc("$in", List.of(7, 9, 123456))).append("n", doc("$lt", 8))))
			.isEqualTo(1);
	}

	/**
	 * A query condition that fails on one far-away document ({@code $divide} by its zero
	 * {@code d}) shows which documents a query looks at: the scanning backend meets that
	 * document and fails, the id-indexed backend looks at the queried id only.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void looksAtTheQueriedIdOnly(String name, Supplier<MongoBackend> indexed, Supplier<MongoBackend> scanning) {
		MongoCollection<Document> fast = seeded(indexed.get());
		MongoCollection<Document> scan = seeded(scanning.get());
		// $expr first: the matcher checks a query's conditions in order.
		Bson poisoned = doc("$expr", doc("$gt", List.of(doc("$divide", List.of(1, "$d")), 0))).append("_id", 7);
		for (MongoCollection<Document> collection : List.of(fast, scan)) {
			collection.updateOne(doc("_id", 150), Updates.set("d", 0));
		}

		assertThatExceptionOfType(MongoException.class).isThrownBy(() -> scan.find(poisoned).into(new ArrayList<>()));
		assertThat(fast.find(poisoned).into(new ArrayList<>())).extracting("_id").containsExactly(7);
		assertThat(fast.updateOne(poisoned, Updates.set("claimed", true)).getModifiedCount()).isEqualTo(1);
		assertThat(fast.find(doc("$expr", doc("$gt", List.of(doc("$divide", List.of(1, "$d")), 0))).append("_id",
				doc("$in", List.of(7, 9))))
			.into(new ArrayList<>())).extracting("_id").containsExactly(7, 9);
	}

	@Test
	void opensAFileWrittenByTheH2Backend(@TempDir Path dir) {
		String file = dir.resolve("store.mv.db").toString();
		H2Backend plain = new H2Backend(file);
		MongoCollection<Document> written = collection(plain);
		written.insertOne(doc("_id", "welcome").append("subject", "Hello"));
		written.insertOne(doc("_id", "reminder").append("subject", "Soon"));
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdown);
		this.clients.clear();
		this.servers.clear();

		MongoCollection<Document> reopened = collection(new IdIndexedH2Backend(file));

		assertThat(reopened.find(doc("_id", "welcome").append("subject", doc("$exists", true))).into(new ArrayList<>()))
			.containsExactly(doc("_id", "welcome").append("subject", "Hello"));
		assertThat(reopened.countDocuments()).isEqualTo(2);
	}

	@AfterEach
	void stopServers() {
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
	}

	/**
	 * Ids 0 to 199 in insertion order, then id 3 removed and id 1000 inserted, which the
	 * memory backend stores in the freed slot: a scan meets 2, 1000, 4 in that order.
	 */
	private MongoCollection<Document> seeded(MongoBackend backend) {
		MongoCollection<Document> collection = collection(backend);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < DOCUMENTS; i++) {
			Document document = doc("_id", i).append("n", i)
				.append("group", List.of("a", "b", "c").get(i % 3))
				.append("d", 1);
			if (i % 2 == 0) {
				document.append("lease", i);
			}
			documents.add(document);
		}
		collection.insertMany(documents);
		collection.deleteOne(doc("_id", 3));
		collection.insertOne(doc("_id", 1000).append("n", 1000).append("group", "b").append("d", 1));
		return collection;
	}

	private MongoCollection<Document> collection(MongoBackend backend) {
		MongoServer server = new MongoServer(backend);
		this.servers.add(server);
		MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build());
		this.clients.add(client);
		return client.getDatabase("test").getCollection("items");
	}

	private static Document doc(String key, Object value) {
		return new Document(key, value);
	}

}
