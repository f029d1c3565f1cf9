package com.onsiteatlas.embedded.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails sent over SMTP to the catcher, read back through its web API. */
class MailCatcherTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private MailCatcher catcher;

	@AfterEach
	void stop() {
		if (this.catcher != null) {
			this.catcher.close();
		}
	}

	@Test
	void everyMailIsCapturedOnceWithAllItsRecipients(@TempDir Path dir) throws Exception {
		this.catcher = MailCatcher.start(dir, "127.0.0.1", freePort(), freePort());

		send("Welcome", "a@catch.test", "b@catch.test", "c@catch.test");
		for (int i = 0; i < 20; i++) {
			send("Reminder " + i, "r" + i + "@catch.test");
		}
		send("Again", "a@catch.test");

		JsonNode summary = get("/api/messages/summary?to=%40catch.test");
		assertThat(summary.get("count").asInt()).isEqualTo(22);
		assertThat(summary.get("recipients").get("a@catch.test").asInt()).isEqualTo(2);
		assertThat(summary.get("recipients").get("b@catch.test").asInt()).isEqualTo(1);
		assertThat(summary.get("recipients").get("r19@catch.test").asInt()).isEqualTo(1);
		assertThat(summary.get("recipients").size()).isEqualTo(23);
	}

	private void send(String subject, String... recipients) throws Exception {
		String[] smtp = this.catcher.smtpAddress().split(":");
		Properties properties = new Properties();
		properties.put("mail.smtp.host", smtp[0]);
		properties.put("mail.smtp.port", smtp[1]);
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("noreply@onsite-atlas.test"));
		for (String recipient : recipients) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(subject);
		message.setText("Hello");
		Transport.send(message);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(this.catcher.webUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
