package com.onsiteatlas.notification.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.onsiteatlas.support.web.ApiException;

/**
 * The variables templates may use, per trigger event type, with a description and a
 * sample value (previews render with the samples).
 */
public final class TemplateVariables {

	/** The trigger event types: the contract's list plus the lodging/travel events. */
	public static final List<String> EVENT_TYPES = List.of("registration-created", "registration-updated",
			"registration-cancelled", "payment-received", "abstract-submitted", "abstract-status-changed",
			"workshop-registered", "check-in-completed", "hotel-booking-created", "hotel-booking-updated",
			"hotel-booking-status-changed", "hotel-booking-cancelled", "travel-info-created", "travel-info-updated");

	/** Variables of scheduled and manual sends (registration and conference). */
	public static final String GENERAL = "general";

	private static final List<Variable> REGISTRATION = List.of(
			new Variable("firstName", "Registrant's first name", "Priya"),
			new Variable("lastName", "Registrant's last name", "Sharma"),
			new Variable("participantName", "First and last name", "Priya Sharma"),
			new Variable("email", "Registrant's e-mail", "priya.sharma@example.com"),
			new Variable("phone", "Registrant's phone", "+919812345678"),
			new Variable("organization", "Registrant's organisation", "AIIMS New Delhi"),
			new Variable("registrationId", "Human registration id", "REG-0001"),
			new Variable("categoryName", "Registration category", "Delegate"),
			new Variable("paymentStatus", "pending, paid or failed", "paid"),
			new Variable("amount", "Amount due, e.g. 12500.00", "12500.00"),
			new Variable("amountCents", "Amount due in cents (use {{money amountCents currency}})", "1250000"),
			new Variable("currency", "Currency code", "INR"),
			new Variable("eventName", "Conference name", "Indian Cardiology Congress 2025"),
			new Variable("eventDate", "First day, long en-US date in the conference's timezone", "November 14, 2025"),
			new Variable("eventStartDate", "First day, ISO-8601 (use {{formatDate eventStartDate}})",
					"2025-11-14T03:30:00Z"),
			new Variable("eventVenue", "Venue, \"name, city, country\"",
					"Bangalore International Exhibition Centre, Bengaluru, India"),
			new Variable("venue", "Same as eventVenue", "Bangalore International Exhibition Centre, Bengaluru, India"),
			new Variable(TemplateEngine.QR_TOKEN, "The registration QR code (inline image in e-mail)", "[QR image]"));

	private static final Map<String, List<Variable>> EXTRA = Map.ofEntries(
			Map.entry("payment-received",
					List.of(new Variable("transactionId", "Payment id", "pay_9k2LmQ1"),
							new Variable("paymentDate", "When the payment was captured, ISO-8601",
									"2025-10-02T06:20:00Z"),
							new Variable("paymentMethod", "Payment method", "upi"),
							new Variable("invoiceUrl", "Invoice link", "https://example.com/invoice.pdf"))),
			Map.entry("abstract-submitted", abstractVariables(false)),
			Map.entry("abstract-status-changed", abstractVariables(true)),
			Map.entry("workshop-registered",
					List.of(new Variable("workshopTitle", "Workshop title", "Echo Basics"),
							new Variable("workshopDate", "Workshop date", "November 15, 2025"),
							new Variable("workshopTime", "Workshop start time", "09:30"),
							new Variable("workshopLocation", "Workshop venue", "Hall B"))),
			Map.entry("check-in-completed",
					List.of(new Variable("checkedInAt", "Check-in time, ISO-8601", "2025-11-14T04:05:00Z"))),
			Map.entry("registration-cancelled",
					List.of(new Variable("reason", "Why the registration was cancelled", "Requested by registrant"))),
			Map.entry("hotel",
					List.of(new Variable("hotelName", "Hotel", "Taj West End"),
							new Variable("checkInDate", "Check-in date, ISO-8601", "2025-11-13T08:30:00Z"),
							new Variable("checkOutDate", "Check-out date, ISO-8601", "2025-11-17T05:30:00Z"),
							new Variable("roomType", "Room type", "Deluxe"),
							new Variable("bookingReference", "Booking reference", "TAJ-88231"),
							new Variable("bookingStatus", "pending, confirmed, cancelled, checked-in, checked-out",
									"confirmed"))),
			Map.entry("travel",
					List.of(new Variable("travelStatus", "pending, confirmed or completed", "confirmed"),
							new Variable("arrivalDate", "Arrival time, ISO-8601", "2025-11-13T06:00:00Z"),
							new Variable("arrivalFlight", "Arrival flight or train", "AI 503"),
							new Variable("departureDate", "Departure time, ISO-8601", "2025-11-17T10:00:00Z"),
							new Variable("departureFlight", "Departure flight or train", "AI 504"))));

	private TemplateVariables() {
	}

	private static List<Variable> abstractVariables(boolean status) {
		List<Variable> variables = new ArrayList<>(
				List.of(new Variable("abstractTitle", "Abstract title", "Outcomes of early PCI"),
						new Variable("abstractNumber", "Abstract number", "ABS-0042")));
		if (status) {
			variables.add(new Variable("abstractStatus", "New status", "accepted"));
			variables.add(new Variable("reason", "Reviewer's reason", "Strong methodology"));
			variables.add(new Variable("revisionDeadline", "Revision deadline, ISO-8601", "2025-10-20T18:29:59Z"));
		}
		return variables;
	}

	/**
	 * Variables of one event type (or {@link #GENERAL}).
	 * @param eventType the trigger event type
	 * @return the variables
	 */
	public static List<Variable> of(String eventType) {
		List<Variable> variables = new ArrayList<>(REGISTRATION);
		if (eventType != null) {
			String key = eventType.startsWith("hotel-booking") ? "hotel"
					: eventType.startsWith("travel-") ? "travel" : eventType;
			variables.addAll(EXTRA.getOrDefault(key, List.of()));
		}
		return variables;
	}

	/**
	 * Every event type with its variables.
	 * @return the catalog
	 */
	public static Map<String, List<Variable>> all() {
		Map<String, List<Variable>> all = new LinkedHashMap<>();
		all.put(GENERAL, of(null));
		EVENT_TYPES.forEach((type) -> all.put(type, of(type)));
		return all;
	}

	/**
	 * The variables the template editor lists: of one trigger event type (or
	 * {@value #GENERAL}), or of every type when none is given.
	 * @param eventType a type of {@link #EVENT_TYPES}, {@value #GENERAL}, or null
	 * @return the variables per type
	 * @throws com.onsiteatlas.support.web.ApiException 400 for an unknown type
	 */
	static Map<String, List<Variable>> forEditor(String eventType) {
		if (eventType == null) {
			return all();
		}
		if (!EVENT_TYPES.contains(eventType) && !GENERAL.equals(eventType)) {
			throw ApiException.badRequest("Unknown eventType '" + eventType + "'");
		}
		return Map.of(eventType, of(eventType));
	}

	/**
	 * Every known variable name.
	 * @return names
	 */
	public static Set<String> names() {
		return all().values()
			.stream()
			.flatMap(List::stream)
			.map(Variable::name)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

	/**
	 * The sample values of an event type as a template model.
	 * @param eventType the event type, may be null
	 * @return the model
	 */
	public static Map<String, Object> sample(String eventType) {
		Map<String, Object> model = new LinkedHashMap<>();
		of(eventType).stream()
			.filter((variable) -> !variable.name().equals(TemplateEngine.QR_TOKEN))
			.forEach((variable) -> model.put(variable.name(), variable.sample()));
		model.put("amountCents", 1250000L);
		model.put(TemplateEngine.ZONE_KEY, "Asia/Kolkata");
		model.put(TemplateEngine.LOCALE_KEY, "en-IN");
		return model;
	}

	/**
	 * A template variable.
	 *
	 * @param name the name used as {@code {{name}}}
	 * @param description what it holds
	 * @param sample a sample value
	 */
	public record Variable(String name, String description, String sample) {
	}

}
