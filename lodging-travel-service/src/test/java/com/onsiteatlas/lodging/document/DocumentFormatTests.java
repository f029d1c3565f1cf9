package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.support.crypto.AesGcmStreamCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents are stored in the streaming format (format 2), and files of the earlier
 * formats are still served. Quotas and the upload bound: {@link UploadLimitsTests}.
 */
class DocumentFormatTests extends LodgingTravelIntegrationTest {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ReactiveGridFsTemplate gridFs;

	@Autowired
	DocumentProperties properties;

	String eventId;

	String alice;

	String travelId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		this.alice = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		Map<?, ?> response = post("/api/events/" + this.eventId + "/travel-info", registrant(this.alice, this.eventId),
				Map.of("notes", "docs"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.travelId = (String) ((Map<?, ?>) response.get("data")).get("_id");
	}

	@Test
	void storesNewUploadsInTheStreamingFormatAndServesThemWhole() {
		byte[] large = new byte[200 * 1024 + 17];
		new java.util.Random(7).nextBytes(large);
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		Map<?, ?> document = uploaded(large, "ticket.pdf");
		assertThat(document.get("fileSize")).isEqualTo(large.length);
		Document metadata = this.gridFs
			.findOne(Query.query(Criteria.where("_id").is(new ObjectId(storedFileId(document)))))
			.block()
			.getMetadata();
		assertThat(metadata.getString("cipher")).isEqualTo("AES-256-GCM");
		assertThat(metadata.getInteger("format")).isEqualTo(2);
		assertThat(metadata.get("size", Number.class).longValue()).isEqualTo(large.length);
		assertThat(metadata.getString("contentType")).isEqualTo("application/pdf");
		assertThat(download(document)).isEqualTo(large);
	}

	@Test
	void stillServesFilesStoredWholeEncryptedAndInClearBeforeStreaming() {
		Encryption encryption = new Encryption(this.properties.encryptionKey());
		String record = this.eventId + "/travel-document/" + this.travelId;
		byte[] passport = "%PDF-1.4 passport of Alice Rao, number Z1234567".getBytes(StandardCharsets.US_ASCII);
		byte[] iv = encryption.newIv();
		Map<?, ?> wholeEncrypted = uploaded(PDF, "old-passport.pdf");
		replaceStoredFile(storedFileId(wholeEncrypted), encryption.encrypt(passport, iv, record),
				metadata(passport.length).append("encrypted", true)
					.append("iv", Base64.getEncoder().encodeToString(iv))
					.append("cipher", "AES-256-GCM"));
		Map<?, ?> clear = uploaded(PDF, "old-ticket.pdf");
		replaceStoredFile(storedFileId(clear), passport, metadata(passport.length).append("encrypted", false));
		assertThat(download(wholeEncrypted)).isEqualTo(passport);
		assertThat(download(clear)).isEqualTo(passport);
	}

	@Test
	void namesTheDocumentsKeyInNewFilesAndStillServesStreamingFilesWrittenBeforeKeyIds() {
		Map<?, ?> ticket = uploaded(PDF, "ticket.pdf");
		assertThat(AesGcmStreamCipher.keyId(storedBytes(storedFileId(ticket)))).isEqualTo("env");
		assertThat(download(ticket)).isEqualTo(PDF);
		// Format 2 as written before key ids: ATLAS_ENCRYPTION_KEY itself, no id in the
		// header.
		String record = this.eventId + "/travel-document/" + this.travelId;
		byte[] passport = "%PDF-1.4 passport of Alice Rao, number Z1234567".getBytes(StandardCharsets.US_ASCII);
		byte[] before = DataBufferUtils
			.join(new AesGcmStreamCipher(this.properties.encryptionKey())
				.encrypt(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(passport)), record))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.block();
		assertThat(AesGcmStreamCipher.keyId(before)).isNull();
		Map<?, ?> old = uploaded(PDF, "old-passport.pdf");
		Document metadata = storedMetadata(storedFileId(old));
		metadata.put("size", (long) passport.length);
		metadata.put("iv", Base64.getEncoder().encodeToString(AesGcmStreamCipher.noncePrefix(before)));
		replaceStoredFile(storedFileId(old), before, metadata);
		assertThat(download(old)).isEqualTo(passport);
	}

	@Test
	void refusesAStreamingFileWhoseStoredBytesWereSwappedWithAnotherDocumentOfTheRecordOrAltered() {
		byte[] other = "%PDF-1.7 another document of the same record".getBytes(StandardCharsets.US_ASCII);
		Map<?, ?> ticket = uploaded(PDF, "ticket.pdf");
		Map<?, ?> visa = uploaded(other, "visa.pdf");
		String ticketId = storedFileId(ticket);
		Document ticketMetadata = storedMetadata(ticketId);
		byte[] visaBytes = storedBytes(storedFileId(visa));
		// The visa's bytes decrypt under the record's associated data, but carry another
		// header than the ticket's metadata records.
		replaceStoredFile(ticketId, visaBytes, ticketMetadata);
		get((String) ticket.get("fileUrl"), registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.is5xxServerError();
		byte[] altered = visaBytes.clone();
		altered[0] ^= 1;
		replaceStoredFile(storedFileId(visa), altered, storedMetadata(storedFileId(visa)));
		get((String) visa.get("fileUrl"), registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.is5xxServerError();
	}

	private Document storedMetadata(String fileId) {
		return this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)))).block().getMetadata();
	}

	private byte[] storedBytes(String fileId) {
		var file = this.gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)))).block();
		return DataBufferUtils.join(this.gridFs.getResource(file).block().getDownloadStream()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).block();
	}

	private Document metadata(long size) {
		return new Document("eventId", this.eventId).append("resourceType", "travel-document")
			.append("resourceId", this.travelId)
			.append("registration", this.alice)
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

	private String storedFileId(Map<?, ?> document) {
		return this.gridFs.findOne(Query.query(
				Criteria.where("metadata.resourceId").is(this.travelId).and("filename").is(document.get("fileName"))))
			.block()
			.getObjectId()
			.toHexString();
	}

	private byte[] download(Map<?, ?> document) {
		return get((String) document.get("fileUrl"), registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec upload(byte[] content, String fileName) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.APPLICATION_PDF);
		body.part("type", "flight-ticket");
		return this.client.post()
			.uri("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/upload-document")
			.header(HttpHeaders.AUTHORIZATION, registrant(this.alice, this.eventId))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private Map<?, ?> uploaded(byte[] content, String fileName) {
		Map<?, ?> response = upload(content, fileName).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) response.get("data");
	}

}
