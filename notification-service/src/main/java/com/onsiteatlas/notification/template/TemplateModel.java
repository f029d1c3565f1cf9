package com.onsiteatlas.notification.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.Venue;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.RegistrationView;

/**
 * Builds the variables a template sees: the flat ONSITE ATLAS names ({@code firstName},
 * {@code eventName}, ...) plus, for triggers, the domain event's payload under its own
 * keys ({@code registration.personalInfo.country}).
 */
public final class TemplateModel {

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final Map<String, Object> values = new LinkedHashMap<>();

	private TemplateModel() {
	}

	public static TemplateModel create() {
		return new TemplateModel();
	}

	/**
	 * The template variables of a projected registration.
	 * @param registration the registration
	 * @param conference its conference
	 * @return the model
	 */
	public static TemplateModel of(RegistrationView registration, ConferenceView conference) {
		ConferenceRef ref = new ConferenceRef(conference.id(), (conference.name() != null) ? conference.name() : "",
				conference.startDate(), conference.endDate(), conference.timezone(), conference.venue());
		RegistrationSnapshot snapshot = new RegistrationSnapshot(registration.id(), registration.registrationId(),
				registration.personalInfo(), registration.category(), registration.status(),
				registration.paymentStatus(), registration.registrationType(), registration.amountCents(),
				registration.currency(), registration.customFields());
		return create().conference(ref, conference.locale()).registration(snapshot);
	}

	/**
	 * Adds the conference variables.
	 * @param event the conference
	 * @param locale its locale, may be null
	 * @return this
	 */
	public TemplateModel conference(ConferenceRef event, String locale) {
		if (event == null) {
			return this;
		}
		ZoneId zone = zone(event.timezone());
		this.values.put("eventId", event.id());
		this.values.put("eventName", event.name());
		this.values.put("eventStartDate", iso(event.startDate()));
		this.values.put("eventEndDate", iso(event.endDate()));
		this.values.put("eventDate",
				(event.startDate() != null) ? LONG_DATE.format(event.startDate().atZone(zone)) : "");
		String venue = venue(event.venue());
		this.values.put("eventVenue", venue);
		this.values.put("venue", venue);
		this.values.put(TemplateEngine.ZONE_KEY, zone.getId());
		if (locale != null) {
			this.values.put(TemplateEngine.LOCALE_KEY, locale);
		}
		return this;
	}

	/**
	 * Adds the registration variables.
	 * @param registration the registration
	 * @return this
	 */
	public TemplateModel registration(RegistrationSnapshot registration) {
		if (registration == null) {
			return this;
		}
		PersonalInfo info = registration.personalInfo();
		this.values.put("registrationObjectId", registration.id());
		this.values.put("registrationId", registration.registrationId());
		person(info);
		this.values.put("categoryName", (registration.category() != null) ? registration.category().name() : "");
		this.values.put("registrationStatus", registration.status());
		this.values.put("paymentStatus", registration.paymentStatus());
		this.values.put("registrationType", registration.registrationType());
		if (registration.amountCents() != null) {
			this.values.put("amountCents", registration.amountCents());
			this.values.put("amount", BigDecimal.valueOf(registration.amountCents()).movePointLeft(2).toPlainString());
		}
		if (registration.currency() != null) {
			this.values.put("currency", registration.currency());
		}
		this.values.put("customFields", registration.customFields());
		return this;
	}

	/**
	 * Adds person variables (first name, e-mail, ...).
	 * @param info the person
	 * @return this
	 */
	public TemplateModel person(PersonalInfo info) {
		if (info == null) {
			return this;
		}
		this.values.put("firstName", info.firstName());
		this.values.put("lastName", info.lastName());
		this.values.put("participantName", info.fullName());
		this.values.put("email", Objects.toString(info.email(), ""));
		this.values.put("phone", Objects.toString(info.phone(), ""));
		this.values.put("organization", Objects.toString(info.organization(), ""));
		return this;
	}

	/**
	 * Adds a payload tree (maps, lists, strings, numbers) under its own keys, without
	 * overwriting the flat variables.
	 * @param payload the payload as a map
	 * @return this
	 */
	public TemplateModel payload(Map<String, Object> payload) {
		if (payload != null) {
			payload.forEach(this.values::putIfAbsent);
		}
		return this;
	}

	public TemplateModel put(String name, Object value) {
		if (value != null) {
			this.values.put(name, (value instanceof Instant instant) ? iso(instant) : value);
		}
		return this;
	}

	public Map<String, Object> build() {
		return new LinkedHashMap<>(this.values);
	}

	static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	static String venue(Venue venue) {
		if (venue == null) {
			return "";
		}
		return Stream.of(venue.name(), venue.city(), venue.country())
			.filter((part) -> part != null && !part.isBlank())
			.collect(Collectors.joining(", "));
	}

	private static ZoneId zone(String timezone) {
		try {
			return (timezone != null && !timezone.isBlank()) ? ZoneId.of(timezone) : ZoneOffset.UTC;
		}
		catch (RuntimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
