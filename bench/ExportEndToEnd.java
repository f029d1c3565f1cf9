import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Export jobs end to end against a running suite (bench/export.sh): N registration rows for a fresh conference are
 * written straight into reporting-service's {@code report_rows} over the MongoDB wire, in the shape its
 * registration-created projection writes them (RegistrationRows + ReportRowRepositoryImpl.upsertAllIfNotOlder);
 * the conference itself is announced on Kafka (event-created) so reporting knows its name. Then, through the
 * gateway, per format: POST /api/export/generate → poll /api/export/status/{id} → GET /api/export/download/{id},
 * and the rows in the downloaded file are counted.
 */
public class ExportEndToEnd {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final List<String> FIELDS = List.of("registrationId", "firstName", "lastName", "email", "organization",
			"category", "status", "amountCents", "currency", "registrationDate", "checkedIn");

	static final String[] FIRST = { "Priya", "प्रिया", "王", "فاطمة", "=cmd", "John" };

	static String gateway;

	static String token;

	public static void main(String[] args) throws Exception {
		String mongoUri = args[0];
		String bootstrap = args[1];
		gateway = args[2];
		token = args[3];
		int rows = Integer.parseInt(args[4]);
		// "none": only seed (with KEEP=true, for a later run with EVENT).
		List<String> formats = args[5].equals("none") ? List.of() : List.of(args[5].split(","));
		boolean keep = Boolean.parseBoolean(args[6]);
		String run = UUID.randomUUID().toString().substring(0, 8);
		// A conference seeded by an earlier run (KEEP=true) is topped up to the row count instead of seeded anew.
		String reuse = (args.length > 7 && !args[7].isBlank()) ? args[7] : null;
		String eventId = (reuse != null) ? reuse : new ObjectId().toHexString();
		Instant now = Instant.now();
		if (reuse == null) {
			announce(bootstrap, eventId, run, now);
		}
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoCollection<Document> reportRows = client.getDatabase("atlas_reporting").getCollection("report_rows");
			int existing = (reuse != null) ? (int) reportRows.countDocuments(Filters.eq("eventId", eventId)) : 0;
			if (reuse != null && rows == 0) {
				// rows 0 with EVENT: export what that conference has.
				rows = existing;
			}
			long seedStart = System.nanoTime();
			List<Document> batch = new ArrayList<>(2000);
			for (int i = existing; i < rows; i++) {
				batch.add(row(eventId, i, now.minusSeconds(rows - i)));
				if (batch.size() == 2000 || i == rows - 1) {
					reportRows.insertMany(batch);
					batch.clear();
				}
				if ((i + 1) % 10_000 == 0) {
					System.out.printf(Locale.ROOT, "  seeded %d rows, %.0f s%n", i + 1, (System.nanoTime() - seedStart) / 1e9);
				}
			}
			double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
			System.out.printf(Locale.ROOT,
					"seeded %d registration rows (%d there already) for conference %s into report_rows over the MongoDB wire in %.1f s (%.0f rows/s; not part of the figures below)%n",
					rows - existing, existing, eventId, seedSeconds, (rows - existing) / seedSeconds);
			System.out.println(
					"format  rows      POST→done   rows/s(job)  download  rows/s(end to end)  file MB   rows in file  check");
			for (String format : formats) {
				job(eventId, format, rows);
			}
			if (!keep) {
				long deleted = reportRows.deleteMany(Filters.eq("eventId", eventId)).getDeletedCount();
				System.out.printf(Locale.ROOT, "removed the %d seeded rows%n", deleted);
			}
		}
	}

	/** The conference, as ONSITE ATLAS announces it, so reporting knows its name. */
	static void announce(String bootstrap, String eventId, String run, Instant now) throws Exception {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			Instant start = now.plus(Duration.ofDays(30));
			String conference = Files.readString(Path.of("shared-events/src/test/resources/golden/event-created.v1.json"))
				.replace("665f1c2ab4d3e8a9c0f12345", eventId)
				.replace("Indian Cardiology Congress 2025", "Export Congress " + run)
				.replace("2025-11-14T03:30:00.000Z", start.toString())
				.replace("2025-11-16T12:30:00.000Z", start.plus(Duration.ofDays(2)).toString())
				.replace("2025-06-05T10:00:00.000Z", now.toString())
				.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"");
			producer.send(new ProducerRecord<>("atlas.events", eventId, conference)).get(30, TimeUnit.SECONDS);
		}
	}

	/** A registration row as reporting's projection stores it after one registration-created event. */
	static Document row(String eventId, int i, Instant at) {
		String first = FIRST[i % FIRST.length];
		String last = "Bench" + i;
		Date date = Date.from(at);
		Document values = new Document("registrationId", String.format(Locale.ROOT, "BENCH-%07d", i))
			.append("attendeeName", first + " " + last)
			.append("email", "guest" + i + "@export.bench.test")
			.append("category", (i % 3 == 0) ? "Faculty" : "Delegate")
			.append("firstName", first)
			.append("lastName", last)
			.append("phone", String.format(Locale.ROOT, "+9198%08d", i))
			.append("organization", "Institute " + (i % 97))
			.append("designation", (i % 2 == 0) ? "Consultant" : "Resident")
			.append("country", "India")
			.append("status", "active")
			.append("paymentStatus", (i % 4 == 0) ? "pending" : "paid")
			.append("registrationType", "full-event")
			.append("amountCents", 150_000L + (i % 1000))
			.append("currency", "INR")
			.append("registrationDate", date)
			.append("checkedIn", false);
		// Registration ids are ObjectIds from ONSITE ATLAS, so they grow with time; random ids would make every
		// insert a random walk of the store's _id index (and take minutes per 10k rows on the embedded store).
		return new Document("_id", "registrations:" + new ObjectId().toHexString()).append("rowType", "registrations")
			.append("eventId", eventId)
			.append("values", values)
			.append("lastEventTime", date)
			.append("firstSeenAt", date);
	}

	static void job(String eventId, String format, int rows) throws Exception {
		Document body = new Document("exportType", format).append("dataType", "registrations")
			.append("event", eventId)
			.append("fields", FIELDS)
			.append("sorts", List.of(new Document("field", "registrationId").append("direction", "asc")));
		long start = System.nanoTime();
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/export/generate"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toJson(), StandardCharsets.UTF_8)));
		if (created.statusCode() != 202) {
			throw new IllegalStateException("generate answered " + created.statusCode() + ": " + created.body());
		}
		String jobId = Document.parse(created.body()).get("data", Document.class).getString("_id");
		Document job;
		while (true) {
			HttpResponse<String> status = send(
					HttpRequest.newBuilder(URI.create(gateway + "/api/export/status/" + jobId)).GET());
			job = Document.parse(status.body()).get("data", Document.class);
			if (status.statusCode() == 200 && job != null
					&& ("completed".equals(job.getString("status")) || "failed".equals(job.getString("status")))) {
				break;
			}
			Thread.sleep(250);
		}
		double jobSeconds = (System.nanoTime() - start) / 1e9;
		if (!"completed".equals(job.getString("status"))) {
			System.out.printf(Locale.ROOT, "%-7s job %s FAILED after %.1f s: %s%n", format, jobId, jobSeconds,
					job.toJson());
			return;
		}
		Path file = Files.createTempFile("bench-export-", "." + ("excel".equals(format) ? "xlsx" : format));
		long downloadStart = System.nanoTime();
		HttpResponse<Path> download = HTTP.send(
				authorized(HttpRequest.newBuilder(URI.create(gateway + "/api/export/download/" + jobId)).GET()).build(),
				HttpResponse.BodyHandlers.ofFile(file));
		double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
		if (download.statusCode() != 200) {
			throw new IllegalStateException("download answered " + download.statusCode() + ": " + Files.readString(file));
		}
		long inFile = "excel".equals(format) ? xlsxRows(file) : csvRows(file);
		Number recordCount = (Number) job.get("recordCount");
		System.out.printf(Locale.ROOT, "%-7s %-9d %7.1f s   %9.0f   %6.1f s   %12.0f        %6.1f   %10d    %s%n",
				format, rows, jobSeconds, rows / jobSeconds, downloadSeconds, rows / (jobSeconds + downloadSeconds),
				Files.size(file) / 1e6, inFile,
				(inFile == rows && recordCount != null && recordCount.longValue() == rows) ? "ok"
						: "MISMATCH (job recordCount " + recordCount + ")");
		Files.delete(file);
	}

	/** Data lines of the CSV: those whose first cell is one of the seeded registration ids. */
	static long csvRows(Path file) throws Exception {
		long count = 0;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("BENCH-") || line.startsWith("\"BENCH-") || line.startsWith("\uFEFFBENCH-")) {
					count++;
				}
			}
		}
		return count;
	}

	/** Rows of the first worksheet that hold a seeded registration id. */
	static long xlsxRows(Path file) throws Exception {
		// ZipFile reads the central directory: POI streams its entries with data descriptors, which ZipInputStream
		// cannot always follow.
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
			if (sheet == null) {
				throw new IllegalStateException("no xl/worksheets/sheet1.xml in " + file);
			}
			try (InputStream in = zip.getInputStream(sheet)) {
				return countRowsWith(in, ">BENCH-");
			}
		}
	}

	static long countRowsWith(InputStream in, String needle) throws Exception {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
		long count = 0;
		char[] buffer = new char[1 << 16];
		int read;
		StringBuilder pending = new StringBuilder();
		while ((read = reader.read(buffer)) > 0) {
			pending.append(buffer, 0, read);
			int end;
			while ((end = pending.indexOf("</row>")) >= 0) {
				if (pending.substring(0, end).contains(needle)) {
					count++;
				}
				pending.delete(0, end + 6);
			}
		}
		return count;
	}

	static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return request.timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token);
	}

	static String objectId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

}
