package com.onsiteatlas.lodging.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentApiTests extends LodgingTravelIntegrationTest {

	static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = concat(HexFormat.of().parseHex("89504E470D0A1A0A"),
			"passport scan of Alice Rao, number Z1234567".getBytes(StandardCharsets.US_ASCII));

	@Autowired
	ReactiveGridFsTemplate gridFs;

	String eventId;

	String alice;

	String bob;

	String travelId;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		this.alice = seedRegistration(this.eventId, "Alice", "Rao", "REG-0001");
		this.bob = seedRegistration(this.eventId, "Bob", "Iyer", "REG-0002");
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

	private WebTestClient.ResponseSpec upload(String token, byte[] content, String fileName, String type) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.APPLICATION_PDF);
		if (type != null) {
			body.part("type", type);
		}
		return this.client.post()
			.uri("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/upload-document")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private Map<?, ?> uploaded(String token, byte[] content, String fileName, String type) {
		Map<?, ?> response = upload(token, content, fileName, type).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) response.get("data");
	}

	@Test
	void theOwnerUploadsAndDownloadsATicketAndAStrangerCannot() {
		Map<?, ?> document = uploaded(registrant(this.alice, this.eventId), PDF, "ticket.pdf", "flight-ticket");
		String url = (String) document.get("fileUrl");
		assertThat(url).isEqualTo("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/documents/"
				+ document.get("_id") + "/download");
		assertThat(document.get("fileType")).isEqualTo("application/pdf");
		byte[] body = get(url, registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ticket.pdf\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isEqualTo(PDF);
		get(url, registrant(this.bob, this.eventId)).exchange().expectStatus().isNotFound();
		get(url, staff("staff")).exchange().expectStatus().isOk();
	}

	@Test
	void passportsAreEncryptedAtRestAndDecryptedOnDownload() {
		Map<?, ?> document = uploaded(staff("staff"), PNG, "passport.png", "passport");
		assertThat(document.get("encrypted")).isEqualTo(true);
		assertThat(document.get("fileType")).isEqualTo("image/png");
		var file = this.gridFs.findOne(Query.query(Criteria.where("metadata.resourceId").is(this.travelId))).block();
		byte[] stored = DataBufferUtils.join(this.gridFs.getResource(file).block().getDownloadStream())
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			})
			.block();
		assertThat(stored).isNotEqualTo(PNG);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Z1234567");
		assertThat(file.getMetadata().getString("iv")).isNotBlank();
		byte[] downloaded = get((String) document.get("fileUrl"), registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(PNG);
	}

	/** The stored bytes of the one file of a record. */
	private org.bson.Document storedMetadataAndCheckCiphertext(String resourceId, byte[] original) {
		var file = this.gridFs.findOne(Query.query(Criteria.where("metadata.resourceId").is(resourceId))).block();
		byte[] stored = DataBufferUtils.join(this.gridFs.getResource(file).block().getDownloadStream())
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			})
			.block();
		assertThat(stored).isNotEqualTo(original);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		return file.getMetadata();
	}

	@Test
	void ticketsAndBookingConfirmationsAreEncryptedAtRestToo() {
		Map<?, ?> ticket = uploaded(registrant(this.alice, this.eventId), PDF, "ticket.pdf", "flight-ticket");
		assertThat(ticket.get("encrypted")).isEqualTo(true);
		assertThat(storedMetadataAndCheckCiphertext(this.travelId, PDF).getString("cipher")).isEqualTo("AES-256-GCM");

		String hotelId = createHotel(this.eventId, "Oberoi");
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		String bookingId = createBooking(this.eventId, this.alice, hotelId, "2027-01-20", "2027-01-22");
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(PDF)).filename("confirmation.pdf");
		this.client.post()
			.uri("/api/events/" + this.eventId + "/hotel-bookings/" + bookingId + "/upload-confirmation")
			.header(HttpHeaders.AUTHORIZATION, staff("staff"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(storedMetadataAndCheckCiphertext(bookingId, PDF).getBoolean("encrypted")).isTrue();
		byte[] downloaded = get("/api/events/" + this.eventId + "/hotel-bookings/" + bookingId + "/confirmation",
				registrant(this.alice, this.eventId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(PDF);
	}

	@Test
	void rejectsOversizedFilesWith413() {
		byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 1);
		upload(staff("staff"), big, "big.pdf", "other").expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(false);
	}

	@Test
	void rejectsARenamedExecutableWith415() {
		byte[] exe = concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[200]);
		upload(staff("staff"), exe, "ticket.pdf", "flight-ticket").expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("PDF, JPEG and PNG"));
		upload(staff("staff"), PDF, "ticket.pdf", "selfie").expectStatus().isBadRequest();
	}

	@Test
	void sanitisesPathTraversalFileNames() {
		Map<?, ?> document = uploaded(staff("staff"), PDF, "..\\..\\etc/../../evil<script>.pdf", "other");
		assertThat(document.get("fileName")).isEqualTo("evil_script_.pdf");
		Map<?, ?> renamed = uploaded(staff("staff"), PDF, "../../../.bashrc", "other");
		assertThat(renamed.get("fileName")).isEqualTo("bashrc.pdf");
	}

	@Test
	void deletingADocumentDeletesItsBytesAndEveryAccessIsAudited() {
		Map<?, ?> document = uploaded(registrant(this.alice, this.eventId), PDF, "visa.pdf", "visa");
		String url = (String) document.get("fileUrl");
		get(url, staff("admin")).exchange().expectStatus().isOk();
		this.client.delete()
			.uri("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/documents/" + document.get("_id"))
			.header(HttpHeaders.AUTHORIZATION, registrant(this.bob, this.eventId))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.delete()
			.uri("/api/events/" + this.eventId + "/travel-info/" + this.travelId + "/documents/" + document.get("_id"))
			.header(HttpHeaders.AUTHORIZATION, registrant(this.alice, this.eventId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.documents")
			.isEmpty();
		assertThat(this.gridFs.find(Query.query(Criteria.where("metadata.resourceId").is(this.travelId)))
			.collectList()
			.block()).isEmpty();
		get(url, staff("admin")).exchange().expectStatus().isNotFound();
		get("/api/events/" + this.eventId + "/travel-info/document-audit?resourceId=" + this.travelId
				+ "&sortBy=at:asc", staff("admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[*].action")
			.isEqualTo(java.util.List.of("upload", "download", "delete"))
			.jsonPath("$.data[0].actor.userId")
			.isEqualTo(this.alice)
			.jsonPath("$.data[1].actor.role")
			.isEqualTo("admin");
		get("/api/events/" + this.eventId + "/travel-info/document-audit", staff("staff")).exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void staffUploadBookingConfirmationsThatOnlyTheGuestAndStaffDownload() {
		String hotelId = createHotel(this.eventId, "Taj");
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		String bookingId = createBooking(this.eventId, this.alice, hotelId, "2027-01-20", "2027-01-22");
		String base = "/api/events/" + this.eventId + "/hotel-bookings/" + bookingId;
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(PDF)).filename("confirmation.pdf");
		this.client.post()
			.uri(base + "/upload-confirmation")
			.header(HttpHeaders.AUTHORIZATION, registrant(this.alice, this.eventId))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri(base + "/upload-confirmation")
			.header(HttpHeaders.AUTHORIZATION, staff("staff"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.confirmationDocument.fileUrl")
			.isEqualTo(base + "/confirmation")
			.jsonPath("$.data.confirmationDocument.fileName")
			.isEqualTo("confirmation.pdf")
			.jsonPath("$.data.confirmationDocument.storedFileId")
			.doesNotExist();
		byte[] downloaded = get(base + "/confirmation", registrant(this.alice, this.eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(PDF);
		get(base + "/confirmation", registrant(this.bob, this.eventId)).exchange().expectStatus().isNotFound();
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
