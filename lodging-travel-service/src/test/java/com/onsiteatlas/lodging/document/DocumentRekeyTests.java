package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.lodging.audit.Actor;
import com.onsiteatlas.lodging.audit.AuditTrail;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;
import com.onsiteatlas.support.crypto.GridFsRekeyCopies;
import com.onsiteatlas.support.crypto.KeyPurpose;
import com.onsiteatlas.support.crypto.Keyring;
import com.onsiteatlas.support.crypto.RekeyReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rekey of lodging documents: written under key {@code a}, re-encrypted with
 * {@code b} current and {@code a} still in the ring, then opened with {@code a} removed;
 * a run stopped mid-way leaves every document readable and the next run finishes; a
 * document deleted while it is copied stays deleted. A database of its own, so the counts
 * are this class's files only.
 */
@TestPropertySource(properties = { "spring.data.mongodb.database=atlas_lodging_rekey_test",
		"atlas.crypto.documents.current=a", "atlas.crypto.documents.keys.a=" + DocumentRekeyTests.KEY_A })
class DocumentRekeyTests extends LodgingTravelIntegrationTest {

	static final String KEY_A = "ZG9jdW1lbnRzLWtleS1hLW9mLXJla2V5LXRlc3RzISE=";

	static final String KEY_B = "ZG9jdW1lbnRzLWtleS1iLW9mLXJla2V5LXRlc3RzISE=";

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@Autowired
	StoredFileRepository files;

	@Autowired
	List<DocumentReferences> references;

	@Autowired
	DocumentProperties properties;

	@Autowired
	AuditTrail audit;

	@Autowired
	UploadGate gate;

	@Autowired
	DocumentQuotas quotas;

	@Autowired
	Environment environment;

	@Autowired
	Clock clock;

	String eventId;

	String registration;

	String travelId;

	String bookingId;

	@BeforeEach
	void seed() {
		this.gridFs.delete(new Query()).block();
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.registration = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		this.bookingId = createBooking(this.eventId, this.registration, createHotel(this.eventId, "Taj"), "2027-01-20",
				"2027-01-22");
		Map<?, ?> travel = post("/api/events/" + this.eventId + "/travel-info", staff("staff"),
				Map.of("registration", this.registration))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.travelId = (String) ((Map<?, ?>) travel.get("data")).get("_id");
	}

	@Test
	void reEncryptsEveryDocumentSoThatTheOldKeyCanBeRemoved() {
		byte[] ticket = pdf(300 * 1024 + 11, 1);
		byte[] confirmation = pdf(90 * 1024, 2);
		byte[] passport = pdf(5000, 3);
		byte[] visa = pdf(700, 4);
		String ticketDocument = uploadTravelDocument(ticket, "ticket.pdf");
		upload("/api/events/" + this.eventId + "/hotel-bookings/" + this.bookingId + "/upload-confirmation",
				confirmation, "confirmation.pdf");
		// Files of the earlier formats: whole-file AES-GCM under ATLAS_ENCRYPTION_KEY,
		// and
		// clear.
		String passportDocument = uploadTravelDocument(pdf(100, 5), "passport.pdf");
		Encryption encryption = new Encryption(this.properties.encryptionKey());
		byte[] iv = encryption.newIv();
		replaceStoredFile(travelFileId(passportDocument),
				encryption.encrypt(passport, iv, this.eventId + "/travel-document/" + this.travelId),
				travelMetadata(passport.length).append("encrypted", true)
					.append("iv", Base64.getEncoder().encodeToString(iv))
					.append("cipher", "AES-256-GCM"));
		String visaDocument = uploadTravelDocument(pdf(100, 6), "visa.pdf");
		replaceStoredFile(travelFileId(visaDocument), visa, travelMetadata(visa.length).append("encrypted", false));
		String ticketBefore = travelFileId(ticketDocument);
		assertThat(AesGcmStreamCipher.keyId(storedBytes(ticketBefore))).isEqualTo("a");

		RekeyReport report = rekey(ringOf("b", "a", "b"), this.references, this.clock);

		assertThat(report).isEqualTo(new RekeyReport("documents", 4, 4, 0, 0, "b"));
		assertThat(travelFileId(ticketDocument)).isNotEqualTo(ticketBefore);
		assertThat(this.gridFs.find(Query.query(Criteria.where("_id").is(new ObjectId(ticketBefore))))
			.collectList()
			.block()).isEmpty();
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(4)
			.allSatisfy((file) -> assertThat(file.getMetadata().containsKey(GridFsRekeyCopies.REKEY_OF)).isFalse());
		// Key a removed from the configuration: every document opens, content identical.
		DocumentStore onlyB = store("b", "b");
		assertThat(open(onlyB, travel(), travelFileId(ticketDocument))).isEqualTo(ticket);
		assertThat(open(onlyB, travel(), travelFileId(passportDocument))).isEqualTo(passport);
		assertThat(open(onlyB, travel(), travelFileId(visaDocument))).isEqualTo(visa);
		assertThat(open(onlyB, booking(), bookingFileId())).isEqualTo(confirmation);
		assertThat(AesGcmStreamCipher.keyId(storedBytes(travelFileId(visaDocument)))).isEqualTo("b");
		DocumentStore onlyA = store("a", "a");
		assertThatThrownBy(() -> open(onlyA, travel(), travelFileId(ticketDocument)))
			.hasMessageContaining("does not hold");

		RekeyReport again = rekey(ringOf("b", "a", "b"), this.references, this.clock);
		assertThat(again).isEqualTo(new RekeyReport("documents", 4, 0, 4, 0, "b"));
	}

	@Test
	void aRunStoppedMidWayLeavesEveryDocumentReadableAndTheNextRunFinishes() {
		byte[] first = pdf(70 * 1024, 7);
		byte[] second = pdf(80 * 1024, 8);
		byte[] third = pdf(1000, 9);
		String firstDocument = uploadTravelDocument(first, "first.pdf");
		String secondDocument = uploadTravelDocument(second, "second.pdf");
		String thirdDocument = uploadTravelDocument(third, "third.pdf");
		String firstFile = travelFileId(firstDocument);
		String secondFile = travelFileId(secondDocument);
		// The run stops before switching the first document to its copy, and after
		// switching the second but before deleting its original.
		List<DocumentReferences> stopping = intercepted((original, copy) -> {
			if (original.equals(firstFile)) {
				return Mono.error(new IllegalStateException("stopped before the switch"));
			}
			return null;
		}, (original, copy) -> original.equals(secondFile), Mono.empty());

		RekeyReport stopped = rekey(ringOf("b", "a", "b"), stopping, this.clock);

		assertThat(stopped).isEqualTo(new RekeyReport("documents", 3, 1, 0, 2, "b"));
		DocumentStore both = store("b", "a", "b");
		assertThat(open(both, travel(), travelFileId(firstDocument))).isEqualTo(first);
		assertThat(open(both, travel(), travelFileId(secondDocument))).isEqualTo(second);
		assertThat(open(both, travel(), travelFileId(thirdDocument))).isEqualTo(third);
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(5);

		RekeyReport resumed = rekey(ringOf("b", "a", "b"), this.references, this.clock);

		assertThat(resumed).isEqualTo(new RekeyReport("documents", 3, 1, 2, 0, "b"));
		// The copy the stopped run left for the first document, which no record took, is
		// deleted once it is old enough not to be another run's in progress.
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(4);
		Clock later = Clock.offset(this.clock, GridFsRekeyCopies.ABANDONED.plus(Duration.ofMinutes(1)));
		assertThat(rekey(ringOf("b", "a", "b"), this.references, later))
			.isEqualTo(new RekeyReport("documents", 3, 0, 3, 0, "b"));
		assertThat(this.gridFs.find(new Query()).collectList().block()).hasSize(3);
		DocumentStore onlyB = store("b", "b");
		assertThat(open(onlyB, travel(), travelFileId(firstDocument))).isEqualTo(first);
		assertThat(open(onlyB, travel(), travelFileId(secondDocument))).isEqualTo(second);
		assertThat(open(onlyB, travel(), travelFileId(thirdDocument))).isEqualTo(third);
	}

	@Test
	void aDocumentDeletedWhileItIsCopiedStaysDeletedAndItsCopyIsDropped() {
		String document = uploadTravelDocument(pdf(20 * 1024, 10), "ticket.pdf");
		// The user deletes the document once its copy is written, before the switch (off
		// the rekey's thread, which the server's event loop may be).
		Mono<Void> deleteDocument = Mono.fromRunnable(
				() -> delete("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/documents/" + document,
						staff("staff"))
					.exchange()
					.expectStatus()
					.isOk())
			.subscribeOn(Schedulers.boundedElastic())
			.then();
		List<DocumentReferences> deleting = intercepted((original, copy) -> null, (original, copy) -> false,
				deleteDocument);

		RekeyReport report = rekey(ringOf("b", "a", "b"), deleting, this.clock);

		assertThat(report).isEqualTo(new RekeyReport("documents", 1, 0, 0, 1, "b"));
		assertThat(this.gridFs.find(new Query()).collectList().block()).isEmpty();
	}

	@Test
	void onlyAnAdminMayRekeyAndOnlyThePurposeThisServiceHolds() {
		uploadTravelDocument(pdf(1000, 11), "ticket.pdf");
		post("/api/crypto/rekey/documents", staff("admin"), "").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.data.purpose")
			.isEqualTo("documents")
			.jsonPath("$.data.alreadyCurrent")
			.isEqualTo(1)
			.jsonPath("$.data.currentKeyId")
			.isEqualTo("a");
		post("/api/crypto/rekey/documents", staff("manager"), "").exchange().expectStatus().isForbidden();
		post("/api/crypto/rekey/provider-secrets", staff("admin"), "").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("lodging-travel-service holds no provider-secrets; it holds documents");
		post("/api/crypto/rekey/nonsense", staff("admin"), "").exchange().expectStatus().isBadRequest();
	}

	private RekeyReport rekey(Keyring keyring, List<DocumentReferences> references, Clock clock) {
		return new DocumentRekey(this.files, references, this.environment, this.properties, clock).rekey(keyring)
			.block();
	}

	/**
	 * The real references, with the switch of a file preceded by {@code before} (its
	 * answer, when not null, replaces the switch) then by {@code first}, and followed by
	 * an error where {@code stopAfter} says so.
	 */
	private List<DocumentReferences> intercepted(BiFunction<String, String, Mono<Boolean>> before,
			BiFunction<String, String, Boolean> stopAfter, Mono<Void> first) {
		List<DocumentReferences> all = new ArrayList<>();
		for (DocumentReferences real : this.references) {
			all.add(new DocumentReferences() {

				@Override
				public String resourceType() {
					return real.resourceType();
				}

				@Override
				public Mono<Boolean> replace(String resourceId, String oldFileId, String newFileId) {
					return Mono.defer(() -> {
						Mono<Boolean> instead = before.apply(oldFileId, newFileId);
						if (instead != null) {
							return instead;
						}
						return first.then(real.replace(resourceId, oldFileId, newFileId))
							.flatMap((replaced) -> stopAfter.apply(oldFileId, newFileId)
									? Mono.<Boolean>error(new IllegalStateException("stopped after the switch"))
									: Mono.just(replaced));
					});
				}

				@Override
				public Mono<Boolean> refersTo(String resourceId, String fileId) {
					return real.refersTo(resourceId, fileId);
				}

			});
		}
		return all;
	}

	private Keyring ringOf(String current, String... ids) {
		Map<String, String> keys = new java.util.HashMap<>();
		for (String id : ids) {
			keys.put(id, "a".equals(id) ? KEY_A : KEY_B);
		}
		return Keyring.of(KeyPurpose.DOCUMENTS, this.properties.encryptionKey(), current, keys);
	}

	/** The store as a service configured with these keys would build it. */
	private DocumentStore store(String current, String... ids) {
		MockEnvironment environment = new MockEnvironment().withProperty("atlas.crypto.documents.current", current);
		for (String id : ids) {
			environment.setProperty("atlas.crypto.documents.keys." + id, "a".equals(id) ? KEY_A : KEY_B);
		}
		return new DocumentStore(this.files, this.audit, this.properties, this.gate, this.quotas, environment);
	}

	private byte[] open(DocumentStore store, DocumentOwner owner, String fileId) {
		return join(store.open(owner, fileId, Actor.system("rekey-test")).flatMapMany(Download::content));
	}

	private DocumentOwner travel() {
		return new DocumentOwner(this.eventId, "travel-document", this.travelId, this.registration);
	}

	private DocumentOwner booking() {
		return new DocumentOwner(this.eventId, "booking-confirmation", this.bookingId, this.registration);
	}

	private String travelFileId(String documentId) {
		List<Document> documents = this.mongo.findById(this.travelId, Document.class, "travel_info")
			.block()
			.getList("documents", Document.class);
		return documents.stream()
			.filter((document) -> documentId.equals(document.get("_id").toString()))
			.findFirst()
			.orElseThrow()
			.getString("storedFileId");
	}

	private String bookingFileId() {
		return this.mongo.findById(this.bookingId, Document.class, "hotel_bookings")
			.block()
			.get("confirmationDocument", Document.class)
			.getString("storedFileId");
	}

	private byte[] storedBytes(String fileId) {
		GridFSFile file = this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)))).block();
		return join(this.gridFs.getResource(file).flatMapMany((resource) -> resource.getDownloadStream()));
	}

	private static byte[] join(Flux<org.springframework.core.io.buffer.DataBuffer> content) {
		return DataBufferUtils.join(content).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).block();
	}

	private Document travelMetadata(long size) {
		return new Document("eventId", this.eventId).append("resourceType", "travel-document")
			.append("resourceId", this.travelId)
			.append("registration", this.registration)
			.append("contentType", "application/pdf")
			.append("size", size);
	}

	private void replaceStoredFile(String fileId, byte[] content, Document metadata) {
		ObjectId id = new ObjectId(fileId);
		this.gridFs.delete(Query.query(Criteria.where("_id").is(id))).block();
		this.gridFs
			.store(ReactiveGridFsUpload.fromPublisher(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)))
				.id(id)
				.filename("stored.pdf")
				.metadata(metadata)
				.build())
			.block();
	}

	private static byte[] pdf(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	/** Uploads a travel document as the staff. */
	private String uploadTravelDocument(byte[] content, String fileName) {
		Map<?, ?> response = upload(
				"/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/upload-document", content,
				fileName);
		return (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	private Map<?, ?> upload(String path, byte[] content, String fileName) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.APPLICATION_PDF);
		body.part("type", "flight-ticket");
		return this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, staff("staff"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
