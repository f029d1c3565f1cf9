package com.onsiteatlas.embeddedmongo;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Documents, ids and index keys stored as BSON: what goes in comes back, across restarts,
 * from files written by mongo-java-server's own H2 backend too.
 */
class StorageFormatTests {

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	@Test
	void everyBsonTypeComesBackAfterARestart(@TempDir Path dir) {
		String file = dir.resolve("store.mv.db").toString();
		List<Document> written = sampleDocuments();
		MongoCollection<Document> items = collection(new IdIndexedH2Backend(file));
		items.insertMany(written);
		stop();

		MongoCollection<Document> reopened = collection(new IdIndexedH2Backend(file));

		assertThat(reopened.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(written);
	}

	@Test
	void aFileOfTheH2BackendIsRewrittenOnceWithItsIndexes(@TempDir Path dir) {
		String file = dir.resolve("store.mv.db").toString();
		List<Document> written = sampleDocuments();
		MongoCollection<Document> old = collection(new H2Backend(file));
		old.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		old.insertMany(written);
		stop();

		MongoCollection<Document> upgraded = collection(new IdIndexedH2Backend(file));
		assertThat(upgraded.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(written);
		assertThatExceptionOfType(MongoWriteException.class)
			.isThrownBy(() -> upgraded.insertOne(new Document("_id", "another").append("email", "b@example.org")))
			.withMessageContaining("duplicate key");
		upgraded.insertOne(new Document("_id", "later").append("email", "z@example.org"));
		stop();

		try (MVStore store = MVStore.open(file)) {
			assertThat(store.<String, String>openMap(StorageFormat.MARKER_MAP).get(StorageFormat.MARKER_KEY))
				.isEqualTo(StorageFormat.CURRENT);
		}
		MongoCollection<Document> again = collection(new IdIndexedH2Backend(file));
		assertThat(again.countDocuments()).isEqualTo(written.size() + 1);
		assertThat(again.find(new Document("email", "z@example.org")).first()).containsEntry("_id", "later");
		assertThat(again.find(new Document("email", "b@example.org")).first()).isNotNull();
	}

	@Test
	void idsOfDifferentTypesSortAndMatchAsMongoDbsComparatorSays(@TempDir Path dir) {
		MongoCollection<Document> items = collection(new IdIndexedH2Backend(dir.resolve("s.mv.db").toString()));
		ObjectId objectId = new ObjectId();
		items.insertMany(List.of(new Document("_id", "b"), new Document("_id", 2), new Document("_id", objectId),
				new Document("_id", "a"), new Document("_id", 10L), new Document("_id", 1.5)));

		assertThat(items.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).extracting(d -> d.get("_id"))
			.containsExactly(1.5, 2, 10L, "a", "b", objectId);
		assertThat(items.find(new Document("_id", 2L)).first()).isNotNull();
		assertThat(items.find(new Document("_id", new Document("$in", List.of("a", 10L)))).into(new ArrayList<>()))
			.hasSize(2);
	}

	@Test
	void aValueBsonCannotHoldIsStoredJavaSerialized() {
		StoredDocumentType type = new StoredDocumentType();
		de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x");
		document.put("when", new Date(0));
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, StoredDocument.of(document));
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();

		assertThat(type.read(bytes).copy()).isEqualTo(document);
		assertThat(bytes.hasRemaining()).isFalse();
	}

	@Test
	void indexKeysCompareAsMongoDbComparesValues() {
		IndexKeyType type = new IndexKeyType();

		assertThat(type.compare(new KeyValue("a", 1.0), new KeyValue("a", 2.0))).isNegative();
		assertThat(type.compare(new KeyValue(2.0), new KeyValue("1"))).isNegative();
		assertThat(type.compare(new KeyValue("a", 1.0), new KeyValue("a", 1.0))).isZero();
		assertThat(type.compare(new KeyValue((Object) null), new KeyValue("a"))).isNegative();
		WriteBuffer buffer = new WriteBuffer();
		KeyValue key = new KeyValue("a", null, 3.5, new de.bwaldvogel.mongo.bson.ObjectId());
		type.write(buffer, key);
		ByteBuffer bytes = buffer.getBuffer();
		bytes.flip();
		assertThat(type.read(bytes)).isEqualTo(key);
	}

	@Test
	void readersNeverGetTheStoredInstance(@TempDir Path dir) {
		// mongo-java-server updates the document it read in place; if that were the
		// instance the collection matches queries against, a change that is then refused
		// or never written would still show in later queries.
		IdIndexedH2Backend backend = new IdIndexedH2Backend(dir.resolve("s.mv.db").toString());
		MongoCollection<Document> items = collection(backend);
		items.insertOne(new Document("_id", 1).append("status", "PENDING").append("lease", 5));
		items.find(new Document("status", "PENDING")).first();
		MVMap<Object, StoredDocument> stored = backend.getMvStore().openMap("databases.test.items");
		StoredDocument before = stored.get(1);
		de.bwaldvogel.mongo.bson.Document viewBefore = before.view();
		de.bwaldvogel.mongo.bson.Document copyOfBefore = viewBefore.cloneDeeply();

		items.updateOne(new Document("_id", 1),
				new Document("$set", new Document("status", "SENT")).append("$unset", new Document("lease", "")));
		items.findOneAndUpdate(new Document("_id", 1).append("status", "SENT"),
				new Document("$set", new Document("attempts", 1)));
		items.updateMany(new Document("status", "SENT"), new Document("$set", new Document("scanned", true)));

		assertThat(viewBefore).isEqualTo(copyOfBefore);
		assertThat(before.view()).isSameAs(viewBefore);
		assertThat(stored.get(1).copy()).containsEntry("status", "SENT")
			.containsEntry("attempts", 1)
			.containsEntry("scanned", true)
			.doesNotContainKey("lease");
	}

	@Test
	void aDocumentIsEncodedWhenWrittenNotWhenItsPageIs(@TempDir Path dir) {
		de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", 7);
		document.put("status", "PENDING");
		StoredDocument stored = StoredDocument.of(document);
		document.put("status", "CHANGED AFTER THE WRITE");
		String file = dir.resolve("s.mv.db").toString();
		try (MVStore store = MVStore.open(file)) {
			store.openMap("docs", StorageFormat.documents()).put(7, stored);
		}

		try (MVStore store = MVStore.open(file)) {
			StoredDocument reread = store.openMap("docs", StorageFormat.documents()).get(7);
			assertThat(reread.entry()).isEqualTo(stored.entry());
			assertThat(reread.copy()).containsEntry("status", "PENDING");
		}
	}

	@AfterEach
	void stop() {
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
		this.clients.clear();
		this.servers.clear();
	}

	private static List<Document> sampleDocuments() {
		Document nested = new Document("city", "Lyon").append("tags", List.of("a", 2, new Document("deep", true)));
		return List.of(
				new Document("_id", "text-id").append("email", "a@example.org")
					.append("count", 3)
					.append("big", 9_007_199_254_740_993L)
					.append("ratio", 0.25)
					.append("flag", false)
					.append("missingValue", null)
					.append("address", nested),
				new Document("_id", new ObjectId()).append("email", "b@example.org")
					.append("at", Date.from(Instant.parse("2026-12-07T10:15:30.123Z")))
					.append("amount", Decimal128.parse("12.50"))
					.append("uuid", UUID.fromString("6f1d6c3a-8f1a-4c43-9a8e-2b4c1b0f5a11"))
					.append("bytes", new Binary(BsonBinarySubType.BINARY, new byte[] { 1, 2, 3 }))
					.append("empty", List.of()),
				new Document("_id", 42).append("email", "c@example.org").append("list", List.of(1.5, "x", nested)));
	}

	private MongoCollection<Document> collection(MongoBackend backend) {
		MongoServer server = new MongoServer(backend);
		this.servers.add(server);
		MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.uuidRepresentation(org.bson.UuidRepresentation.STANDARD)
			.applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build());
		this.clients.add(client);
		return client.getDatabase("test").getCollection("items");
	}

}
