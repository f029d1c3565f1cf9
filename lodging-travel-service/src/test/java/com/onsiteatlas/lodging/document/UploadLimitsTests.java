package com.onsiteatlas.lodging.document;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quotas and the upload bound (issue 15, item 4), with the production size limit (10 MB),
 * a record quota of 35 MB (room for three such files) and at most six uploads per caller.
 * One registrant flooding its travel record gets 200, 413 (quota) or 429 (bound, with
 * {@code Retry-After}) for every request; no more than the quota is stored, nothing is
 * held afterwards, and a small file is still taken and served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.mongodb.database=atlas_lodging_flood_test", "atlas.lodging.documents.max-size=10MB",
				"atlas.lodging.documents.per-record.max-bytes=35MB", "atlas.lodging.documents.uploads.per-caller=6",
				"atlas.lodging.documents.uploads.per-instance=8", "atlas.lodging.documents.uploads.retry-after=5s" })
class UploadLimitsTests extends LodgingTravelIntegrationTest {

	private static final long QUOTA = 35L * 1024 * 1024;

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@Autowired
	UploadGate gate;

	@Autowired
	DocumentProperties properties;

	@Autowired
	DocumentQuotas quotas;

	WebClient web;

	String eventId;

	String alice;

	String travelId;

	@BeforeEach
	void seed() {
		this.web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
			.baseUrl("http://localhost:" + this.port)
			.build();
		this.eventId = newId();
		this.alice = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		this.travelId = travelRecord(this.alice);
	}

	@Test
	void fortyParallelTenMegabyteUploadsByOneRegistrantKeepTheQuotaAndTheServiceUp() {
		byte[] file = pdf(10 * 1024 * 1024 - 4096);
		HeapPeak heap = HeapPeak.start();
		List<Answer> answers = Flux.range(0, 40)
			.flatMap((i) -> send(this.alice, this.travelId, file, "ticket-" + i + ".pdf"), 40)
			.collectList()
			.block(Duration.ofMinutes(5));
		long peak = heap.stop();
		Map<Integer, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		System.out.printf("UploadLimitsTests: statuses %s, heap used before %d MB, peak %d MB%n", statuses,
				heap.before() / (1024 * 1024), peak / (1024 * 1024));

		assertThat(statuses.keySet()).as("every answer is 200, 413 or 429: %s", answers).isSubsetOf(200, 413, 429);
		long accepted = statuses.getOrDefault(200, 0L);
		assertThat(accepted).isBetween(1L, 3L);
		assertThat(statuses.getOrDefault(413, 0L) + statuses.getOrDefault(429, 0L)).isEqualTo(40 - accepted);
		answers.stream().filter((answer) -> answer.status() == 429).forEach((answer) -> {
			assertThat(answer.retryAfter()).isEqualTo("5");
			assertThat(answer.body()).contains("uploads in progress");
		});
		answers.stream()
			.filter((answer) -> answer.status() == 413)
			.forEach((answer) -> assertThat(answer.body()).contains("35 MB, the limit per record"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.gate.inFlight() == 0);
		assertThat(this.quotas.heldFor(owner())).isEqualTo(DocumentQuotas.Usage.NONE);
		List<Long> stored = this.gridFs.find(Query.query(Criteria.where("metadata.resourceId").is(this.travelId)))
			.map((gridFile) -> gridFile.getLength())
			.collectList()
			.block();
		assertThat(stored).hasSize((int) accepted);
		assertThat(stored.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(QUOTA);
		assertThat(documentsOn(this.travelId)).hasSize((int) accepted);

		Answer small = send(this.alice, this.travelId, PDF, "boarding-pass.pdf").block(Duration.ofSeconds(30));
		assertThat(small.status()).as(small.body()).isEqualTo(200);
		byte[] downloaded = this.web.get()
			.uri(small.fileUrl())
			.header(HttpHeaders.AUTHORIZATION, registrant(this.alice, this.eventId))
			.retrieve()
			.bodyToMono(byte[].class)
			.block(Duration.ofSeconds(30));
		assertThat(downloaded).isEqualTo(PDF);
	}

	@Test
	void answers429WithRetryAfterWhileTheCallersUploadsAreInFlightAndAdmitsItAfterwards() {
		Sinks.Empty<Void> finish = Sinks.empty();
		List<Mono<Answer>> stalled = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			stalled.add(sendStalled(finish, "slow-" + i + ".pdf").cache());
		}
		stalled.forEach((answer) -> answer.subscribe());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.gate.inFlight() == 6);

		Answer refused = send(this.alice, this.travelId, PDF, "seventh.pdf").block(Duration.ofSeconds(30));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.retryAfter()).isEqualTo("5");
		String bob = seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002");
		Answer other = send(bob, travelRecord(bob), PDF, "bob.pdf").block(Duration.ofSeconds(30));
		assertThat(other.status()).as("another registrant is not held up: %s", other.body()).isEqualTo(200);

		finish.tryEmitEmpty();
		for (Mono<Answer> answer : stalled) {
			assertThat(answer.block(Duration.ofSeconds(30)).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.gate.inFlight() == 0);
		assertThat(send(this.alice, this.travelId, PDF, "seventh.pdf").block(Duration.ofSeconds(30)).status())
			.isEqualTo(200);
		assertThat(documentsOn(this.travelId)).hasSize(7);
	}

	@Test
	void refusesTheFileAfterTheRecordsCountQuotaWith409NamingTheLimit() {
		int max = this.properties.perRecord().maxFiles();
		for (int i = 0; i < max; i++) {
			assertThat(
					send(this.alice, this.travelId, PDF, "ticket-" + i + ".pdf").block(Duration.ofSeconds(30)).status())
				.isEqualTo(200);
		}
		Answer refused = send(this.alice, this.travelId, PDF, "one-too-many.pdf").block(Duration.ofSeconds(30));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains(max + " files is the limit per record");
		assertThat(
				this.gridFs.find(Query.query(Criteria.where("metadata.resourceId").is(this.travelId))).count().block())
			.isEqualTo(max);
		assertThat(documentsOn(this.travelId)).hasSize(max);
	}

	private DocumentOwner owner() {
		return new DocumentOwner(this.eventId, "travel-document", this.travelId, this.alice);
	}

	private String travelRecord(String registration) {
		Map<?, ?> response = post("/api/events/" + this.eventId + "/travel-info",
				registrant(registration, this.eventId), Map.of("notes", "docs"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	private List<?> documentsOn(String travelId) {
		Map<?, ?> travel = get("/api/events/" + this.eventId + "/travel-info/" + travelId, staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (List<?>) ((Map<?, ?>) travel.get("data")).get("documents");
	}

	private Mono<Answer> send(String registration, String travelId, byte[] content, String fileName) {
		return send(registration, travelId, content, fileName, Mono.empty());
	}

	/**
	 * A stalled upload: its last bytes wait for {@code finish}, so it stays in flight.
	 */
	private Mono<Answer> sendStalled(Sinks.Empty<Void> finish, String fileName) {
		return send(this.alice, this.travelId, PDF, fileName, finish.asMono());
	}

	/**
	 * An upload with its {@code Content-Length} declared, as browsers send forms; its
	 * last bytes are sent once {@code before} completes.
	 */
	private Mono<Answer> send(String registration, String travelId, byte[] content, String fileName,
			Mono<Void> before) {
		String boundary = "upload-limits-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nflight-ticket\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		Flux<DataBuffer> body = Flux.concat(Mono.fromCallable(() -> wrap(head)), Mono.fromCallable(() -> wrap(content)),
				before.then(Mono.fromCallable(() -> wrap(tail))));
		return answer(this.web.post()
			.uri(uploadPath(travelId))
			.header(HttpHeaders.AUTHORIZATION, registrant(registration, this.eventId))
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
			.contentLength(head.length + content.length + tail.length)
			.body(BodyInserters.fromDataBuffers(body)));
	}

	private String uploadPath(String travelId) {
		return "/api/events/" + this.eventId + "/travel-info/" + travelId + "/upload-document";
	}

	private static Mono<Answer> answer(WebClient.RequestHeadersSpec<?> request) {
		return request
			.exchangeToMono((response) -> response.bodyToMono(Map.class)
				.defaultIfEmpty(Map.of())
				.map((body) -> new Answer(response.statusCode().value(), String.valueOf(body.get("message")),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
						(body.get("data") instanceof Map<?, ?> data) ? (String) data.get("fileUrl") : null)))
			.onErrorResume((ex) -> Mono.just(new Answer(-1, ex.toString(), null, null)));
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

	private static byte[] pdf(int size) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) 'x');
		System.arraycopy(PDF, 0, content, 0, PDF.length);
		return content;
	}

	record Answer(int status, String body, String retryAfter, String fileUrl) {
	}

	/** Samples the used heap every few milliseconds: a rough figure, never asserted. */
	static final class HeapPeak {

		private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

		private final AtomicLong peak = new AtomicLong();

		private final long before;

		private HeapPeak() {
			System.gc();
			this.before = used();
			this.sampler.scheduleAtFixedRate(() -> this.peak.accumulateAndGet(used(), Math::max), 0, 5,
					TimeUnit.MILLISECONDS);
		}

		static HeapPeak start() {
			return new HeapPeak();
		}

		long before() {
			return this.before;
		}

		long stop() {
			this.sampler.shutdownNow();
			return this.peak.get();
		}

		private static long used() {
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}

	}

}
