package com.onsiteatlas.embedded.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.onsiteatlas.domainevents.CategoryRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.domainevents.conference.ConferenceSnapshot;
import com.onsiteatlas.domainevents.conference.SenderSettings;

/**
 * The demo conference, its registrations and the staff users. Ids are fixed so tokens,
 * URLs and documentation stay valid across runs; only the conference dates move (it
 * always starts 60 days after seeding).
 */
public final class DemoData {

	/** The demo conference's id (an ONSITE ATLAS {@code Event} id). */
	public static final String EVENT_ID = "65f0a0000000000000000001";

	public static final String EVENT_NAME = "Atlas Demo Congress 2026";

	public static final String TIMEZONE = "Asia/Kolkata";

	public static final String EMAIL_DOMAIN = "demo.onsite-atlas.test";

	/**
	 * The password of every demo staff user at the legacy stand-in's
	 * {@code POST /api/auth/login} (docs/embedded-suite.md).
	 */
	public static final String DEMO_PASSWORD = "atlas-demo";

	/** The registration the registrant token belongs to. */
	public static final String REGISTRANT_REGISTRATION_ID = "65f0a0000000000000000101";

	public static final CategoryRef DELEGATE = new CategoryRef("65f0a0000000000000000201", "Delegate");

	public static final CategoryRef FACULTY = new CategoryRef("65f0a0000000000000000202", "Faculty");

	private static final List<StaffUser> STAFF = List.of(
			new StaffUser("65f0a00000000000000000a1", "Aarav Admin", "admin@" + EMAIL_DOMAIN, "admin"),
			new StaffUser("65f0a00000000000000000a2", "Meera Manager", "manager@" + EMAIL_DOMAIN, "manager"),
			new StaffUser("65f0a00000000000000000a3", "Sanjay Staff", "staff@" + EMAIL_DOMAIN, "staff"),
			// ONSITE ATLAS staff roles the new services refuse: the security matrix
			// resolves them through /api/auth/me like the others.
			new StaffUser("65f0a00000000000000000a4", "Ravi Reviewer", "reviewer@" + EMAIL_DOMAIN, "reviewer"),
			new StaffUser("65f0a00000000000000000a5", "Uma User", "user@" + EMAIL_DOMAIN, "user"));

	private DemoData() {
	}

	/**
	 * An ONSITE ATLAS staff user ({@code User} with a role).
	 *
	 * @param id the user's Mongo id, the {@code id} claim of their token
	 * @param name display name
	 * @param email login email
	 * @param role {@code admin}, {@code manager}, {@code staff}, {@code reviewer} or
	 * {@code user}
	 */
	public record StaffUser(String id, String name, String email, String role) {

	}

	public static List<StaffUser> staff() {
		return STAFF;
	}

	public static StaffUser staff(String role) {
		return STAFF.stream()
			.filter((user) -> user.role().equals(role))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo user with role " + role));
	}

	/**
	 * The demo staff user with this login email (case-insensitive, as ONSITE ATLAS
	 * lower-cases emails).
	 * @param email the login email
	 * @return the user, if any
	 */
	public static Optional<StaffUser> findStaffByEmail(String email) {
		return STAFF.stream().filter((user) -> user.email().equalsIgnoreCase(email.trim())).findFirst();
	}

	public static Optional<StaffUser> findStaff(String id) {
		return STAFF.stream().filter((user) -> user.id().equals(id)).findFirst();
	}

	/**
	 * The demo conference: starts at 09:00 Kolkata time 60 days after today, lasts three
	 * days.
	 * @param clock the clock "today" is read from
	 * @return the conference
	 */
	public static ConferenceSnapshot conference(Clock clock) {
		ZoneId zone = ZoneId.of(TIMEZONE);
		LocalDate firstDay = LocalDate.now(clock.withZone(zone)).plusDays(60);
		Instant start = firstDay.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
		Instant end = firstDay.plusDays(2).atTime(LocalTime.of(18, 0)).atZone(zone).toInstant();
		return new ConferenceSnapshot(EVENT_ID, EVENT_NAME, start, end, TIMEZONE, "published",
				new Venue("Bharat Mandapam", "Pragati Maidan", "New Delhi", "Delhi", "India", "110001"), "INR", "en-IN",
				new SenderSettings(true, "Atlas Demo Congress", "noreply@" + EMAIL_DOMAIN, "support@" + EMAIL_DOMAIN));
	}

	/**
	 * The five demo registrations, with mixed categories and payment states; one
	 * registrant's name is in Devanagari.
	 * @return the registrations, REG-0001 first
	 */
	public static List<RegistrationSnapshot> registrations() {
		return List.of(
				registration(1,
						new PersonalInfo("Priya", "Sharma", email("priya.sharma"), phone(1), "AIIMS New Delhi",
								"Resident", "India"),
						DELEGATE, "paid", "vegetarian"),
				registration(2,
						new PersonalInfo("Rahul", "Verma", email("rahul.verma"), phone(2), "KEM Hospital Mumbai",
								"Professor", "India"),
						FACULTY, "paid", "non-vegetarian"),
				registration(3,
						new PersonalInfo("अनन्या", "गुप्ता", email("ananya.gupta"), phone(3), "PGIMER Chandigarh",
								"Fellow", "India"),
						DELEGATE, "pending", "vegetarian"),
				registration(4,
						new PersonalInfo("John", "Mathew", email("john.mathew"), phone(4), "CMC Vellore", "Consultant",
								"India"),
						DELEGATE, "pending", "non-vegetarian"),
				registration(5, new PersonalInfo("Fatima", "Khan", email("fatima.khan"), phone(5),
						"Aga Khan University", "Associate Professor", "Pakistan"), FACULTY, "paid", "vegan"));
	}

	private static RegistrationSnapshot registration(int number, PersonalInfo person, CategoryRef category,
			String paymentStatus, String diet) {
		Map<String, Object> customFields = new LinkedHashMap<>();
		customFields.put("dietaryPreference", diet);
		customFields.put("tshirtSize", (number % 2 == 0) ? "L" : "M");
		long amountCents = (category == FACULTY) ? 250_000L : 500_000L;
		return new RegistrationSnapshot(String.format("65f0a0000000000000000%03d", 100 + number),
				String.format("REG-%04d", number), person, category, "active", paymentStatus, "full-event", amountCents,
				"INR", customFields);
	}

	private static String email(String localPart) {
		return localPart + "@" + EMAIL_DOMAIN;
	}

	private static String phone(int number) {
		return String.format("+91987654320%d", number);
	}

}
