import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Event → SMTP accept latency against a running suite (bench/latency.sh): configures a fresh conference through the
 * gateway (e-mail channel on, a template with the QR code, a registration-created trigger), publishes
 * registration-created events to atlas.registrations at a steady rate (the envelope as bench/IngestRate.java builds
 * it, with the current time), and reads each mail's receive time from the embedded mail catcher's web API, matched to
 * its event by recipient. Latency = catcher's receivedAt − the producer's send call, both on this machine's clock.
 */
public class EventLatency {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static String gateway;

	static String mailApi;

	static String token;

	public static void main(String[] args) throws Exception {
		String bootstrap = args[0];
		gateway = args[1];
		mailApi = args[2];
		token = args[3];
		int rate = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		int drainSeconds = Integer.parseInt(args[6]);
		int maxDrainSeconds = Integer.parseInt(args[7]);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String eventId = objectId();
		String domain = "@lat-" + run + ".bench.test";
		String warmDomain = "@warm-" + run + ".bench.test";

		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			// The conference, as ONSITE ATLAS announces it; the services' projections pick it up.
			Instant start = conferenceStart;
			String conference = Files.readString(Path.of("shared-events/src/test/resources/golden/event-created.v1.json"))
				.replace("665f1c2ab4d3e8a9c0f12345", eventId)
				.replace("Indian Cardiology Congress 2025", "Latency Congress " + run)
				.replace("2025-11-14T03:30:00.000Z", start.toString())
				.replace("2025-11-16T12:30:00.000Z", start.plus(Duration.ofDays(2)).toString())
				.replace("2025-06-05T10:00:00.000Z", Instant.now().toString())
				.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
			producer.send(new ProducerRecord<>("atlas.events", eventId, conference)).get(30, TimeUnit.SECONDS);

			String base = "/api/events/" + eventId;
			Document email = new Document("enabled", true)
				.append("sender", new Document("name", "Latency Desk").append("email", "desk" + domain))
				.append("replyTo", "help" + domain)
				.append("footerText", "Latency bench");
			callUntil200("PUT", base + "/notification-config", new Document("email", email), 120);
			Document template = call("POST", base + "/notification-templates",
					new Document("name", "Confirmation " + run).append("type", "email")
						.append("subject", "Welcome {{firstName}} to {{eventName}}")
						.append("contentHtml",
								"<p>Dear {{firstName}}, your registration {{registrationId}} is confirmed.</p>[QR_CODE]")
						.append("contentText", "Dear {{firstName}}, your registration {{registrationId}} is confirmed."),
					201);
			String templateId = template.get("data", Document.class).getString("_id");
			Document trigger = call("POST", base + "/notification-triggers",
					new Document("name", "Confirm " + run).append("triggerType", "event")
						.append("eventType", "registration-created")
						.append("templates", List.of(new Document("channel", "email").append("template", templateId))),
					201);
			String triggerId = trigger.get("data", Document.class).getString("_id");
			System.out.printf(Locale.ROOT, "conference %s, trigger %s, recipients *%s%n", eventId, triggerId, domain);

			// Warm-up (partition assignment, JIT, first SMTP connections): 20 events, not measured.
			int warm = 20;
			for (int i = 0; i < warm; i++) {
				publish(producer, eventId, "warm" + i + warmDomain, "WARM-" + i).get(30, TimeUnit.SECONDS);
				Thread.sleep(100);
			}
			long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (mailCount(warmDomain) < warm && System.nanoTime() < warmDeadline) {
				Thread.sleep(500);
			}
			System.out.printf(Locale.ROOT, "warm-up: %d of %d mails arrived%n", mailCount(warmDomain), warm);

			int count = rate * seconds;
			long[] sentAtMicros = new long[count];
			List<Future<RecordMetadata>> sends = new ArrayList<>(count);
			long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
			long t0 = System.nanoTime();
			long behindMax = 0;
			for (int i = 0; i < count; i++) {
				long due = t0 + i * intervalNanos;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				behindMax = Math.max(behindMax, -wait);
				sentAtMicros[i] = micros(Instant.now());
				sends.add(publish(producer, eventId, "lat" + i + domain, String.format(Locale.ROOT, "LAT-%06d", i)));
			}
			for (Future<RecordMetadata> send : sends) {
				send.get(60, TimeUnit.SECONDS);
			}
			double publishSeconds = (System.nanoTime() - t0) / 1e9;
			long lastPublishMicros = sentAtMicros[count - 1];
			System.out.printf(Locale.ROOT,
					"published %d registration-created events in %.1f s (%.1f events/s, target %d/s; publisher at most %.0f ms behind schedule)%n",
					count, publishSeconds, count / publishSeconds, rate, behindMax / 1e6);

			// Drain: until every mail is there, or nothing new arrived for drainSeconds.
			int seen = 0;
			long lastProgress = System.nanoTime();
			long drainEnd = lastProgress + TimeUnit.SECONDS.toNanos(maxDrainSeconds);
			while (seen < count && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(drainSeconds)
					&& System.nanoTime() < drainEnd) {
				Thread.sleep(1000);
				int now = mailCount(domain);
				if (now > seen) {
					seen = now;
					lastProgress = System.nanoTime();
				}
			}

			System.out.printf(Locale.ROOT, "stopped waiting %.0f s after the last publish with %d of %d mails%n",
					(System.nanoTime() - t0) / 1e9 - publishSeconds, seen, count);
			Map<String, Long> received = receivedAt(domain);
			long[] latencies = new long[count];
			int delivered = 0;
			long lastReceived = 0;
			int[] perWindowCount = new int[(seconds + 9) / 10];
			List<List<Long>> perWindow = new ArrayList<>();
			for (int w = 0; w < perWindowCount.length; w++) {
				perWindow.add(new ArrayList<>());
			}
			for (int i = 0; i < count; i++) {
				Long at = received.get("lat" + i + domain);
				int window = Math.min(perWindowCount.length - 1, (int) ((long) i / rate / 10));
				perWindowCount[window]++;
				if (at == null) {
					continue;
				}
				long latency = at - sentAtMicros[i];
				latencies[delivered++] = latency;
				perWindow.get(window).add(latency);
				lastReceived = Math.max(lastReceived, at);
			}
			long[] got = Arrays.copyOf(latencies, delivered);
			Arrays.sort(got);
			System.out.printf(Locale.ROOT, "events %d  mails %d  missing %d%n", count, delivered, count - delivered);
			if (delivered > 0) {
				System.out.printf(Locale.ROOT, "latency publish → SMTP accept: p50 %s  p90 %s  p99 %s  max %s  (min %s)%n",
						ms(pct(got, 50)), ms(pct(got, 90)), ms(pct(got, 99)), ms(got[got.length - 1]), ms(got[0]));
				for (int w = 0; w < perWindow.size(); w++) {
					long[] win = perWindow.get(w).stream().mapToLong(Long::longValue).sorted().toArray();
					System.out.printf(Locale.ROOT, "  events %3d–%3d s: %5d mails of %5d  p50 %s  p99 %s%n", w * 10,
							Math.min(seconds, w * 10 + 10), win.length, perWindowCount[w],
							(win.length > 0) ? ms(pct(win, 50)) : "-", (win.length > 0) ? ms(pct(win, 99)) : "-");
				}
				double tail = (lastReceived - lastPublishMicros) / 1e6;
				double mailRate = delivered / ((lastReceived - sentAtMicros[0]) / 1e6);
				System.out.printf(Locale.ROOT,
						"last mail %.1f s after the last publish; mails/s over the run %.1f (first publish → last mail)%n",
						tail, mailRate);
				breakdown(eventId, domain, count, sentAtMicros, received);
				boolean keptUp = delivered == count && tail < 5.0;
				boolean met = keptUp && pct(got, 99) <= 500_000;
				System.out.printf(Locale.ROOT, "kept up at %d events/s: %s; target p99 ≤ 500 ms: %s%n", rate,
						keptUp ? "yes" : "NO", met ? "met" : "MISSED");
			}
		}
	}

	/**
	 * Where the time went, from notification-service's delivery log (through the gateway): publish → notification
	 * recorded (createdAt: the consumer ran the trigger) and recorded → SMTP accept (the dispatcher's side).
	 */
	static void breakdown(String eventId, String domain, int count, long[] sentAtMicros, Map<String, Long> received)
			throws Exception {
		Map<String, Long> created = new HashMap<>();
		for (int page = 1; created.size() < count + 20; page++) {
			Document answer = call("GET", "/api/events/" + eventId + "/notifications?page=" + page + "&limit=500",
					null, 200);
			List<Document> items = answer.getList("data", Document.class);
			if (items == null || items.isEmpty()) {
				break;
			}
			for (Document item : items) {
				Document recipient = item.get("recipient", Document.class);
				if (recipient != null && recipient.getString("email") != null && item.getString("createdAt") != null) {
					created.put(recipient.getString("email").toLowerCase(Locale.ROOT),
							micros(Instant.parse(item.getString("createdAt"))));
				}
			}
		}
		long[] consumer = new long[count];
		long[] dispatcher = new long[count];
		int n = 0;
		for (int i = 0; i < count; i++) {
			String address = "lat" + i + domain;
			Long at = created.get(address);
			Long accepted = received.get(address);
			if (at != null && accepted != null) {
				consumer[n] = at - sentAtMicros[i];
				dispatcher[n++] = accepted - at;
			}
		}
		long[] c = Arrays.copyOf(consumer, n);
		long[] d = Arrays.copyOf(dispatcher, n);
		Arrays.sort(c);
		Arrays.sort(d);
		if (n > 0) {
			System.out.printf(Locale.ROOT, "  publish → notification recorded (consumer):  p50 %s  p90 %s  p99 %s  max %s  (%d)%n",
					ms(pct(c, 50)), ms(pct(c, 90)), ms(pct(c, 99)), ms(c[n - 1]), n);
			System.out.printf(Locale.ROOT, "  recorded → SMTP accept (dispatcher):         p50 %s  p90 %s  p99 %s  max %s%n",
					ms(pct(d, 50)), ms(pct(d, 90)), ms(pct(d, 99)), ms(d[n - 1]));
		}
	}

	static Future<RecordMetadata> publish(KafkaProducer<String, String> producer, String eventId, String email,
			String humanId) throws Exception {
		String registrationId = objectId();
		String now = Instant.now().toString();
		String json = golden().replace("6660a1b2c3d4e5f601234567", registrationId)
			.replace("665f1c2ab4d3e8a9c0f12345", eventId)
			.replace("REG-0001", humanId)
			.replace("2025-10-02T06:15:30.120Z", now)
			.replace("2025-11-14T03:30:00.000Z", conferenceStart.toString())
			.replace("2025-11-16T12:30:00.000Z", conferenceStart.plus(Duration.ofDays(2)).toString())
			.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")
			.replace("priya.sharma@example.com", email);
		return producer.send(new ProducerRecord<>("atlas.registrations", registrationId, json));
	}

	static String golden;

	static final Instant conferenceStart = Instant.now().plus(Duration.ofDays(30));

	static String golden() throws Exception {
		if (golden == null) {
			golden = Files.readString(Path.of("shared-events/src/test/resources/golden/registration-created.v1.json"));
		}
		return golden;
	}

	static int mailCount(String to) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(mailApi + "/api/messages/summary?to=" + to))
					.timeout(Duration.ofSeconds(60))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		return Document.parse(response.body()).getInteger("count");
	}

	/** Each recipient's first mail's receive time (µs since the epoch). */
	static Map<String, Long> receivedAt(String to) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(mailApi + "/api/messages?to=" + to))
			.timeout(Duration.ofSeconds(120))
			.build(), HttpResponse.BodyHandlers.ofString());
		List<Document> mails = Document.parse("{\"m\":" + response.body() + "}").getList("m", Document.class);
		Map<String, Long> at = new HashMap<>();
		for (Document mail : mails) {
			long received = micros(Instant.parse(mail.getString("receivedAt")));
			List<String> recipients = mail.getList("envelopeRecipients", String.class);
			if (recipients == null || recipients.isEmpty()) {
				recipients = mail.getList("to", String.class);
			}
			for (String recipient : recipients) {
				at.merge(recipient.toLowerCase(Locale.ROOT), received, Math::min);
			}
		}
		return at;
	}

	static Document call(String method, String path, Document body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body.toJson(), StandardCharsets.UTF_8));
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return Document.parse(response.body());
	}

	/** Retries while the service has not seen the conference yet. */
	static void callUntil200(String method, String path, Document body, int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (true) {
			try {
				call(method, path, body, 200);
				return;
			}
			catch (IllegalStateException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(1000);
			}
		}
	}

	static long pct(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static String ms(long micros) {
		return String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
	}

	static String objectId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

}
