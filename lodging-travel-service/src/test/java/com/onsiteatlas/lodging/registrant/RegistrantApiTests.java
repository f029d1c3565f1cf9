package com.onsiteatlas.lodging.registrant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import com.onsiteatlas.domainevents.CategoryRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.lodging.LodgingTravelIntegrationTest;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.RegistrationView;
import com.onsiteatlas.support.testing.IdentityTokens;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrantApiTests extends LodgingTravelIntegrationTest {

	String eventId;

	String ananya;

	String jose;

	String zoe;

	String olga;

	@BeforeEach
	void seed() {
		this.eventId = newId();
		seedConference(this.eventId, "2027-01-20", "2027-01-22");
		this.zoe = save(this.eventId, "Zoë", "Adams", "zoe.adams@example.org", "REG-0004", "Student", "cancelled");
		this.ananya = save(this.eventId, "अनन्या", "Iyer", "ananya@example.in", "REG-0001", "Delegate", "active");
		this.jose = save(this.eventId, "José", "Álvarez", "jose@example.es", "REG-0002", "Faculty", "active");
		this.olga = save(this.eventId, "Ольга", "Петрова", "olga@example.ru", "REG-0003", "Delegate", "active");
		save(newId(), "José", "Other-Event", "jose@other.example", "REG-0002", "Delegate", "active");
	}

	private String path(String query) {
		return "/api/events/" + this.eventId + "/registrants" + query;
	}

	/**
	 * WebTestClient percent-encodes the spaces and non-ASCII characters, as a browser
	 * does.
	 */
	private String search(String text) {
		return path("?search=" + text);
	}

	private List<Map<String, Object>> found(String path) {
		Map<?, ?> body = get(path, staff("staff")).exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> data = (List<Map<String, Object>>) body.get("data");
		return data;
	}

	private List<Object> ids(String path) {
		return found(path).stream().map((registrant) -> registrant.get("_id")).toList();
	}

	@Test
	void findsByNameEmailAndHumanIdIgnoringCaseAndAccents() {
		assertThat(ids(search("अनन्या"))).containsExactly(this.ananya);
		assertThat(ids(search("jose"))).containsExactly(this.jose);
		assertThat(ids(search("ÁLVAREZ"))).containsExactly(this.jose);
		assertThat(ids(search("zoe"))).containsExactly(this.zoe);
		assertThat(ids(search("ольга"))).containsExactly(this.olga);
		assertThat(ids(search("ananya@example"))).containsExactly(this.ananya);
		assertThat(ids(search("reg-0003"))).containsExactly(this.olga);
		assertThat(ids(search("josé álvarez"))).containsExactly(this.jose);
		assertThat(ids(search("jose iyer"))).isEmpty();
		assertThat(ids(search(this.ananya.toUpperCase()))).containsExactly(this.ananya);
		// Regular-expression characters are text.
		assertThat(ids(search(".*"))).isEmpty();
		assertThat(ids(search("(unclosed"))).isEmpty();
	}

	@Test
	void answersTheShortFormOrderedByName() {
		List<Map<String, Object>> all = found(path(""));
		assertThat(all).extracting((registrant) -> registrant.get("name"))
			.containsExactly("José Álvarez", "Zoë Adams", "Ольга Петрова", "अनन्या Iyer");
		assertThat(all.get(0)).containsOnly(Map.entry("_id", this.jose), Map.entry("registrationId", "REG-0002"),
				Map.entry("name", "José Álvarez"), Map.entry("email", "jose@example.es"),
				Map.entry("category", "Faculty"), Map.entry("status", "active"));
		assertThat(all.get(1)).containsEntry("status", "cancelled");
	}

	@Test
	void limitsTheListToTwentyByDefaultAndAtMostFifty() {
		for (int i = 0; i < 55; i++) {
			save(this.eventId, "Guest", String.format("Number %02d", i), null, String.format("REG-1%03d", i),
					"Delegate", "active");
		}
		assertThat(found(path(""))).hasSize(20);
		assertThat(found(path("?limit=3&search=guest"))).extracting((registrant) -> registrant.get("name"))
			.containsExactly("Guest Number 00", "Guest Number 01", "Guest Number 02");
		assertThat(found(path("?limit=50"))).hasSize(50);
	}

	@Test
	void refusesBadLimitsSearchesAndEventIds() {
		for (String limit : List.of("0", "51", "-1", "ten", "2.5")) {
			get(path("?limit=" + limit), staff("admin")).exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.success")
				.isEqualTo(false)
				.jsonPath("$.message")
				.isEqualTo("'limit' must be a number from 1 to 50");
		}
		get(path("?search=" + "a".repeat(201)), staff("admin")).exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("'search' must be at most 200 characters and 8 words");
		get("/api/events/not-an-event/registrants", staff("admin")).exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).startsWith("Invalid eventId 'not-an-event'"));
	}

	@Test
	void staffSearchWhileRegistrantsAndOtherRolesAreRefused() {
		for (String role : List.of("admin", "manager", "staff")) {
			get(path(""), staff(role)).exchange().expectStatus().isOk();
		}
		for (String role : List.of("reviewer", "user")) {
			get(path(""), staff(role)).exchange().expectStatus().isForbidden();
		}
		get(path(""), registrant(this.ananya, this.eventId)).exchange().expectStatus().isForbidden();
		get(path(""), "Bearer " + IdentityTokens.of(newId(), "sponsor", "sponsor", this.eventId)).exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri(path("")).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aStaffTokenBoundToAnotherEventSeesNothingOfThisOne() {
		String bound = "Bearer " + IdentityTokens.of(newId(), "staff", "staff", newId());
		get(path(""), bound).exchange().expectStatus().isNotFound();
		String here = "Bearer " + IdentityTokens.of(newId(), "staff", "staff", this.eventId);
		get(path(""), here).exchange().expectStatus().isOk();
	}

	@Test
	void aRegistrantReadsItsOwnRegistrationAndTheConferenceTimezone() {
		get(path("/me"), registrant(this.ananya, this.eventId)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.registration._id")
			.isEqualTo(this.ananya)
			.jsonPath("$.data.registration.name")
			.isEqualTo("अनन्या Iyer")
			.jsonPath("$.data.conference._id")
			.isEqualTo(this.eventId)
			.jsonPath("$.data.conference.name")
			.isEqualTo("Atlas Summit")
			.jsonPath("$.data.conference.timezone")
			.isEqualTo("Asia/Kolkata")
			.jsonPath("$.data.conference.startDate")
			.isEqualTo("2027-01-20T00:00:00Z");
	}

	@Test
	void aConferenceWithoutOrWithAnUnknownZoneIsShownInUtc() {
		String unknownZone = newId();
		this.mongo
			.save(new ConferenceView(unknownZone, "Nowhere", null, null, "Mars/Olympus", "published", null, null, null,
					null, false, Instant.now()))
			.block();
		String registration = save(unknownZone, "Mira", "Das", null, "REG-0001", null, "active");
		get("/api/events/" + unknownZone + "/registrants/me", registrant(registration, unknownZone)).exchange()
			.expectBody()
			.jsonPath("$.data.conference.timezone")
			.isEqualTo("UTC");
		String unheardOf = newId();
		String stranger = newId();
		get("/api/events/" + unheardOf + "/registrants/me", registrant(stranger, unheardOf)).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.registration")
			.doesNotExist()
			.jsonPath("$.data.conference.timezone")
			.isEqualTo("UTC");
	}

	@Test
	void ownRegistrationIsForRegistrantsOfThisEventOnly() {
		get(path("/me"), registrant(this.ananya, newId())).exchange().expectStatus().isNotFound();
		get(path("/me"), staff("admin")).exchange().expectStatus().isForbidden();
		this.client.get()
			.uri(path("/me"))
			.header(HttpHeaders.AUTHORIZATION,
					"Bearer " + IdentityTokens.of(newId(), "sponsor", "sponsor", this.eventId))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private String save(String event, String firstName, String lastName, String email, String humanId, String category,
			String status) {
		String id = newId();
		this.mongo
			.save(new RegistrationView(id, event, humanId,
					new PersonalInfo(firstName, lastName, email, null, "Atlas", null, "IN"),
					(category != null) ? new CategoryRef(newId(), category) : null, status, "paid", "full-event",
					500000L, "INR", Map.of(), null, List.of(),
					String.join(" ", firstName, lastName, (email != null) ? email : "", "atlas", humanId)
						.toLowerCase(java.util.Locale.ROOT),
					Instant.now(), Instant.now()))
			.block();
		return id;
	}

}
