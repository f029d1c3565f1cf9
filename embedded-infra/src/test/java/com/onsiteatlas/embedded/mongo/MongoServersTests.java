package com.onsiteatlas.embedded.mongo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.onsiteatlas.embedded.TestInfra;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoServersTests {

	@TempDir
	Path dir;

	@Test
	void documentWrittenBeforeShutdownIsThereAfterRestart() throws IOException {
		try (MongoServers servers = MongoServers.start(this.dir, "127.0.0.1",
				Map.of("notification", TestInfra.freePort())); MongoClient client = client(servers)) {
			client.getDatabase("notification")
				.getCollection("templates")
				.insertOne(new Document("_id", "welcome").append("subject", "नमस्ते {{firstName}}"));
		}

		try (MongoServers restarted = MongoServers.start(this.dir, "127.0.0.1",
				Map.of("notification", TestInfra.freePort())); MongoClient client = client(restarted)) {
			Document template = client.getDatabase("notification")
				.getCollection("templates")
				.find(new Document("_id", "welcome"))
				.first();
			assertThat(template).isNotNull();
			assertThat(template.getString("subject")).isEqualTo("नमस्ते {{firstName}}");
		}
		assertThat(MongoServers.file(this.dir, "notification")).isRegularFile();
	}

	private static MongoClient client(MongoServers servers) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(servers.connectionStrings().get("notification")))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build());
	}

}
