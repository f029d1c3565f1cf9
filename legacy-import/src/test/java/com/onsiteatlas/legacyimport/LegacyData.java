package com.onsiteatlas.legacyimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Seeds a legacy database with documents in ONSITE ATLAS's real shapes (mongoose models
 * of the integration contract, section 4): ObjectId references, Dates, {@code Map} custom
 * fields, amounts in cents except where the model keeps major units.
 */
final class LegacyData {

	static final Date CREATED = Date.from(Instant.parse("2025-09-01T08:00:00.000Z"));

	private final MongoDatabase database;

	private final ObjectId eventId = new ObjectId();

	private final ObjectId categoryId = new ObjectId();

	private final ObjectId workshopId = new ObjectId();

	private int registrations;

	LegacyData(MongoDatabase database) {
		this.database = database;
	}

	ObjectId eventId() {
		return this.eventId;
	}

	ObjectId workshopId() {
		return this.workshopId;
	}

	/** The conference, with the embedded workshops and abstract categories it holds. */
	LegacyData conference(String name) {
		this.database.getCollection("events")
			.insertOne(new Document("_id", this.eventId).append("name", name)
				.append("startDate", Date.from(Instant.parse("2025-11-14T03:30:00.000Z")))
				.append("endDate", Date.from(Instant.parse("2025-11-16T12:30:00.000Z")))
				.append("status", "published")
				.append("venue",
						new Document("name", "Convention Centre").append("city", "Mumbai").append("country", "India"))
				.append("pricingSettings", new Document("currency", "INR"))
				.append("emailSettings",
						new Document("enabled", true).append("senderName", "Cardio Team")
							.append("senderEmail", "team@example.com")
							.append("smtpPassword", "plain-text-secret")
							.append("automaticEmails", new Document("registrationConfirmation", true)))
				.append("workshops",
						List.of(new Document("_id", this.workshopId).append("name", "Echo basics")
							.append("priceCents", 150000L)
							.append("seatLimit", 40)))
				.append("abstractSettings",
						new Document("categories",
								List.of(new Document("_id", new ObjectId("665f1c2ab4d3e8a9c0f1aaaa")).append("name",
										"Cardiology"))))
				.append("emailHistory", List.of(new Document("subject", "Old mail").append("recipients", 2)))
				.append("createdAt", CREATED));
		this.database.getCollection("categories")
			.insertOne(new Document("_id", this.categoryId).append("name", "Delegate").append("event", this.eventId));
		return this;
	}

	/**
	 * A registration as createRegistration saves it; the caller adds or removes fields.
	 */
	Document registration(String firstName, String lastName) {
		this.registrations++;
		return new Document("_id", new ObjectId())
			.append("registrationId", String.format("REG-%04d", this.registrations))
			.append("event", this.eventId)
			.append("category", this.categoryId)
			.append("personalInfo",
					new Document("firstName", firstName).append("lastName", lastName)
						.append("email", (firstName + "." + this.registrations + "@Example.com").replace(' ', '_'))
						.append("phone", "+919800000000")
						.append("organization", "AIIMS"))
			.append("customFields", new Document("mciNumber", "MCI-" + this.registrations))
			.append("registrationType", "full-event")
			.append("status", "active")
			.append("paymentStatus", "paid")
			.append("amountCents", 1250000L)
			.append("currency", "INR")
			.append("createdAt", CREATED);
	}

	Document insert(String collection, Document document) {
		this.database.getCollection(collection).insertOne(document);
		return document;
	}

	/** Many plain registrations, inserted in batches. */
	void registrations(int count) {
		List<Document> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			batch.add(registration("Delegate", "Number " + i));
			if (batch.size() == 1000) {
				this.database.getCollection("registrations").insertMany(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			this.database.getCollection("registrations").insertMany(batch);
		}
	}

	Document payment(Document registration, String status, long amountCents) {
		return insert("payments",
				new Document("_id", new ObjectId()).append("event", this.eventId)
					.append("registration", registration.get("_id"))
					.append("provider", "razorpay")
					.append("providerPaymentId", "pay_" + new ObjectId().toHexString())
					.append("status", status)
					.append("amountCents", amountCents)
					.append("currency", "INR")
					.append("method", "upi")
					.append("capturedAt", Date.from(Instant.parse("2025-09-02T10:00:00.000Z")))
					.append("createdAt", CREATED));
	}

	Document abstractDoc(Document registration, String status) {
		return insert("abstracts",
				new Document("_id", new ObjectId()).append("event", this.eventId)
					.append("registration", registration.get("_id"))
					.append("title", "Outcomes of early echo")
					.append("topic", "Imaging")
					.append("authors", "A. Author, B. Author")
					.append("category", new ObjectId("665f1c2ab4d3e8a9c0f1aaaa"))
					.append("submissionType", "oral")
					.append("abstractNumber", "ABS-CARD-00001")
					.append("status", status)
					.append("createdAt", CREATED));
	}

	Document resource(Document registration, String type, String status, boolean voided) {
		return insert("resources",
				new Document("_id", new ObjectId()).append("event", this.eventId)
					.append("registration", registration.get("_id"))
					.append("type", type)
					.append("status", status)
					.append("isVoided", voided)
					.append("resourceOptionName", "Lunch day 1")
					.append("actionBy", new ObjectId())
					.append("actionDate", Date.from(Instant.parse("2025-11-14T07:00:00.000Z"))));
	}

	Document workshopDocument(List<Document> registrations) {
		return insert("workshops",
				new Document("_id", new ObjectId()).append("event", this.eventId)
					.append("title", "Advanced valve repair")
					.append("startDateTime", Date.from(Instant.parse("2025-11-15T04:00:00.000Z")))
					.append("venue", "Hall B")
					.append("price", 99.5)
					.append("registrations", registrations.stream().map((r) -> r.get("_id")).toList())
					.append("createdAt", CREATED));
	}

	Document sponsor(String companyName) {
		return insert("eventsponsors",
				new Document("_id", new ObjectId()).append("event", this.eventId)
					.append("sponsorId", "SPN-CARD-001")
					.append("companyName", companyName)
					.append("contactPhone", "$2b$10$hash")
					.append("sponsoringAmount", 250000)
					.append("registrantAllotment", 10)
					.append("status", "Active")
					.append("createdAt", CREATED));
	}

}
