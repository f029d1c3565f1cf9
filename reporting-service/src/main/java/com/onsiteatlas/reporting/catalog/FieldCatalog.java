package com.onsiteatlas.reporting.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

import static com.onsiteatlas.reporting.catalog.CatalogField.bool;
import static com.onsiteatlas.reporting.catalog.CatalogField.date;
import static com.onsiteatlas.reporting.catalog.CatalogField.list;
import static com.onsiteatlas.reporting.catalog.CatalogField.number;
import static com.onsiteatlas.reporting.catalog.CatalogField.text;

/**
 * Every data type with its fields. The names follow ONSITE ATLAS's exports (§6.3 of the
 * contract) and its ReportBuilder page (§6.2), so the page's requests work unchanged.
 */
@Component
public class FieldCatalog {

	/** Row types of the read model, one per kind of projected fact. */
	public static final String REGISTRATIONS = "registrations";

	public static final String ABSTRACTS = "abstracts";

	public static final String WORKSHOPS = "workshops";

	public static final String PAYMENTS = "payments";

	public static final String RESOURCES = "resources";

	public static final String SPONSORS = "sponsors";

	public static final String HOTEL = "hotel";

	public static final String TRAVEL = "travel";

	public static final String NOTIFICATIONS = "notifications";

	/**
	 * One row per registration with the registration's fields and, from each joined data
	 * type, the newest related row's fields and the number of related rows.
	 */
	public static final String CUSTOM = "custom";

	/** Data types a custom export joins to registrations by registration id. */
	static final List<String> CUSTOM_JOINS = List.of(HOTEL, TRAVEL, PAYMENTS, ABSTRACTS);

	/** Fields every joined row repeats from the registration; not offered twice. */
	private static final List<String> ATTENDEE_FIELDS = List.of("registrationId", "attendeeName", "email", "category");

	private final Map<String, DataSource> sources = new LinkedHashMap<>();

	public FieldCatalog() {
		List<CatalogField> attendee = List.of(text("registrationId", "Registration ID"),
				text("attendeeName", "Attendee Name"), text("email", "Email"), text("category", "Category"));
		add(REGISTRATIONS, REGISTRATIONS, Map.of(), "registrationDate",
				List.of(text("registrationId", "Registration ID"), text("firstName", "First Name"),
						text("lastName", "Last Name"), text("attendeeName", "Attendee Name"), text("email", "Email"),
						text("phone", "Phone"), text("organization", "Organization"),
						text("designation", "Designation"), text("country", "Country"), text("category", "Category"),
						text("status", "Status"), text("paymentStatus", "Payment Status"),
						text("registrationType", "Registration Type"), number("amountCents", "Amount (cents)"),
						text("currency", "Currency"), date("registrationDate", "Registered At"),
						bool("checkedIn", "Checked In"), date("checkInTime", "Check-in Time"),
						number("checkInHour", "Check-in Hour"), text("checkInSlot", "Check-in Hour Slot"),
						list("workshops", "Workshops")));
		add(ABSTRACTS, ABSTRACTS, Map.of(), "submissionDate",
				List.of(text("abstractId", "Abstract ID"), text("title", "Title"), text("author", "Author"),
						text("authorEmail", "Author Email"), text("authors", "Authors"),
						text("registrationId", "Registration ID"), date("submissionDate", "Submission Date"),
						text("status", "Status"), text("reviewerComments", "Reviewer Comments"),
						text("category", "Category"), text("topic", "Topic"), text("submissionType", "Submission Type"),
						date("statusChangedAt", "Status Changed At")));
		add(WORKSHOPS, WORKSHOPS, Map.of(), "registeredAt",
				concat(attendee,
						List.of(text("workshopId", "Workshop ID"), text("workshopTitle", "Workshop"),
								date("startDateTime", "Starts At"), text("venue", "Venue"),
								number("priceCents", "Price (cents)"), text("currency", "Currency"),
								date("registeredAt", "Registered At"))));
		add(PAYMENTS, PAYMENTS, Map.of(), "paidAt",
				concat(attendee, List.of(text("paymentId", "Payment ID"), text("provider", "Provider"),
						text("providerPaymentId", "Provider Payment ID"), text("method", "Method"),
						number("amountCents", "Amount (cents)"), number("refundedCents", "Refunded (cents)"),
						text("currency", "Currency"), text("status", "Status"), text("invoiceUrl", "Invoice URL"),
						date("paidAt", "Paid At"), date("refundedAt", "Refunded At"))));
		List<CatalogField> scan = concat(attendee,
				List.of(text("resourceType", "Resource Type"), text("resourceOptionName", "Resource"),
						text("status", "Status"), text("actionBy", "Issued By"), date("actionDate", "Timestamp"),
						text("date", "Date"), text("time", "Time"), number("hour", "Hour")));
		add(RESOURCES, RESOURCES, Map.of(), "actionDate", scan);
		add("food_tracking", RESOURCES, Map.of("resourceType", "food"), "actionDate",
				concat(scan, List.of(text("mealType", "Meal Type"), text("mealName", "Meal"))));
		add("kitbag_distribution", RESOURCES, Map.of("resourceType", "kitBag"), "actionDate",
				concat(scan, List.of(text("kitType", "Kit Type"), date("distributionDate", "Distribution Date"))));
		add("certificate_issuance", RESOURCES, Map.of("resourceType", "certificate"), "actionDate",
				concat(scan, List.of(text("certificateType", "Certificate Type"), date("issuanceDate", "Issuance Date"),
						bool("sentByEmail", "Sent by Email"))));
		add(SPONSORS, SPONSORS, Map.of(), "updatedAt", List.of(text("sponsorId", "Sponsor ID"),
				text("companyName", "Company"), text("authorizedPerson", "Authorized Person"), text("email", "Email"),
				text("displayPhoneNumber", "Phone"), number("sponsoringAmountCents", "Sponsoring Amount (cents)"),
				text("currency", "Currency"), number("registrantAllotment", "Registrant Allotment"),
				text("status", "Status"), date("updatedAt", "Updated At")));
		add(HOTEL, HOTEL, Map.of(), "checkInDate",
				concat(attendee,
						List.of(text("bookingId", "Booking ID"), text("hotelName", "Hotel"),
								text("roomType", "Room Type"), text("roomNumber", "Room Number"),
								date("checkInDate", "Check-in Date"), date("checkOutDate", "Check-out Date"),
								number("nights", "Nights"), text("bookingReference", "Booking Reference"),
								text("bookingStatus", "Status"), text("specialRequests", "Special Requests"))));
		add(TRAVEL, TRAVEL, Map.of(), "arrivalDate", concat(attendee,
				List.of(text("travelId", "Travel ID"), text("status", "Status"), date("arrivalDate", "Arrival Date"),
						text("arrivalTime", "Arrival Time"), text("arrivalFlight", "Arrival Flight"),
						text("arrivalAirport", "Arrival Airport"), bool("arrivalTransfer", "Arrival Transfer"),
						date("departureDate", "Departure Date"), text("departureTime", "Departure Time"),
						text("departureFlight", "Departure Flight"), text("departureAirport", "Departure Airport"),
						bool("departureTransfer", "Departure Transfer"), number("documentCount", "Documents"))));
		add(NOTIFICATIONS, NOTIFICATIONS, Map.of(), "at",
				List.of(text("notificationId", "Notification ID"), text("registrationId", "Registration ID"),
						text("channel", "Channel"), text("status", "Status"), text("templateId", "Template"),
						text("triggerId", "Trigger"), text("errorCode", "Error Code"),
						text("errorMessage", "Error Message"), number("attempts", "Attempts"),
						bool("testMode", "Test Mode"), date("at", "Time")));
		addCustom();
	}

	/**
	 * The spec's {@code custom} data type: fields of several data types side by side, one
	 * row per registration. Registration fields are {@code registrations.<field>}; each
	 * joined type adds {@code <type>.<field>} from its newest row of that registration
	 * (by event time) and {@code <type>.count}, how many it has. Filters, sorts, date
	 * ranges and groups apply to registration fields, which MongoDB can query; joined
	 * fields are columns only.
	 */
	private void addCustom() {
		DataSource base = this.sources.get(REGISTRATIONS);
		List<CatalogField> fields = new ArrayList<>();
		base.fields()
			.forEach((field) -> fields
				.add(new CatalogField(REGISTRATIONS + "." + field.name(), field.label(), field.type())));
		for (String type : CUSTOM_JOINS) {
			String title = Character.toUpperCase(type.charAt(0)) + type.substring(1);
			this.sources.get(type)
				.fields()
				.stream()
				.filter((field) -> !ATTENDEE_FIELDS.contains(field.name()))
				.forEach((field) -> fields
					.add(new CatalogField(type + "." + field.name(), title + ": " + field.label(), field.type())));
			fields.add(number(type + ".count", title + ": count"));
		}
		this.sources.put(CUSTOM, new DataSource(CUSTOM, REGISTRATIONS, Map.of(), REGISTRATIONS + ".registrationDate",
				List.copyOf(fields),
				"One row per registration: registrations.* fields, and for each of " + String.join(", ", CUSTOM_JOINS)
						+ " the fields of the registration's newest row of that type (<type>.<field>) and how many"
						+ " it has (<type>.count). Filters, sorts, groups and the date range (registrationDate)"
						+ " use registrations.* fields.",
				CUSTOM_JOINS));
	}

	private static List<CatalogField> concat(List<CatalogField> first, List<CatalogField> second) {
		List<CatalogField> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	private void add(String name, String rowType, Map<String, Object> fixed, String dateField,
			List<CatalogField> fields) {
		this.sources.put(name, new DataSource(name, rowType, fixed, dateField, fields, null, List.of()));
	}

	public Collection<DataSource> all() {
		return this.sources.values();
	}

	/**
	 * A data type, or a 400 listing the valid ones.
	 * @param name the data type name
	 * @return the data source
	 */
	public DataSource source(String name) {
		DataSource source = (name != null) ? this.sources.get(name) : null;
		if (source == null) {
			throw ApiException.badRequest(
					"Unknown data type '" + name + "'; valid data types: " + String.join(", ", this.sources.keySet()));
		}
		return source;
	}

	/**
	 * Checks that every named field is in the catalog of a data type.
	 * @param source the data type
	 * @param fields field names
	 * @param what where the fields came from, for the message ({@code fields},
	 * {@code filters}, ...)
	 */
	public void requireFields(DataSource source, Collection<String> fields, String what) {
		List<String> unknown = fields.stream().filter((field) -> source.field(field) == null).distinct().toList();
		if (!unknown.isEmpty()) {
			throw ApiException.badRequest(
					"Unknown " + what + " for " + source.name() + ": " + String.join(", ", unknown) + "; valid fields: "
							+ String.join(", ", source.fieldNames()),
					unknown.stream()
						.map((field) -> new ApiError.FieldError(what, "unknown field '" + field + "'"))
						.toList());
		}
	}

	/**
	 * Checks that MongoDB can filter, sort or group on every named field: for the custom
	 * data type only the registration's own fields qualify.
	 * @param source the data type
	 * @param fields catalog field names
	 * @param what where the fields came from, for the message
	 */
	public void requireQueryable(DataSource source, Collection<String> fields, String what) {
		requireFields(source, fields, what);
		List<String> joined = fields.stream().filter((field) -> source.storedField(field) == null).distinct().toList();
		if (!joined.isEmpty()) {
			throw ApiException.badRequest(
					"The " + what + " of a " + source.name() + " export can only use " + source.rowType()
							+ ".* fields, not " + String.join(", ", joined) + "; valid fields: "
							+ String.join(", ", source.queryableFields()),
					joined.stream()
						.map((field) -> new ApiError.FieldError(what, "'" + field + "' is a joined column"))
						.toList());
		}
	}

}
