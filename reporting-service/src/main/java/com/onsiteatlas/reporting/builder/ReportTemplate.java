package com.onsiteatlas.reporting.builder;

import java.util.List;

import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowSort;

/**
 * A ready-made report organisers need.
 *
 * @param id stable id
 * @param name name
 * @param description what it shows
 * @param definition the report
 */
public record ReportTemplate(String id, String name, String description, ReportDefinition definition) {

	static final List<ReportTemplate> ALL = List.of(
			grouped("registrations-by-category-status", "Registrations by category and status",
					"Count of registrations per category, split by status", "registrations",
					List.of("category", "status"), List.of(new Metric("count", null)), List.of(), "bar"),
			grouped("payments-summary", "Payments summary", "Payments, amounts and refunds per provider and currency",
					"payments", List.of("provider", "currency"),
					List.of(new Metric("count", null), new Metric("sum", "amountCents"),
							new Metric("sum", "refundedCents")),
					List.of(), "bar"),
			grouped("abstract-status-funnel", "Abstract status funnel", "Abstracts per review status", "abstracts",
					List.of("status"), List.of(new Metric("count", null)), List.of(), "bar"),
			grouped("workshop-fill", "Workshop fill", "Sign-ups per workshop", "workshops", List.of("workshopTitle"),
					List.of(new Metric("count", null)), List.of(), "bar"),
			grouped("check-in-curve", "Check-in curve by hour", "Check-ins per hour (event time zone)", "registrations",
					List.of("checkInSlot"), List.of(new Metric("count", null)),
					List.of(new RowFilter("checkedIn", "equals", true)), "line"),
			grouped("meal-kit-usage", "Meal and kit usage", "Scans per resource type and option", "resources",
					List.of("resourceType", "resourceOptionName"), List.of(new Metric("count", null)),
					List.of(new RowFilter("status", "equals", "used")), "bar"),
			list("rooming-list", "Rooming list per hotel", "Guests by hotel and room", "hotel",
					List.of("hotelName", "roomType", "roomNumber", "registrationId", "attendeeName", "checkInDate",
							"checkOutDate", "nights", "bookingStatus"),
					List.of(new RowSort("hotelName", "asc"), new RowSort("roomNumber", "asc"))),
			list("arrival-manifest", "Arrival and transfer manifest", "Arrivals in time order with transfer needs",
					"travel",
					List.of("arrivalDate", "arrivalTime", "arrivalFlight", "arrivalAirport", "arrivalTransfer",
							"registrationId", "attendeeName", "departureDate", "departureFlight", "departureTransfer"),
					List.of(new RowSort("arrivalDate", "asc"), new RowSort("arrivalTime", "asc"))),
			grouped("notification-delivery", "Notification delivery statistics", "Notifications per channel and status",
					"notifications", List.of("channel", "status"), List.of(new Metric("count", null)), List.of(),
					"bar"));

	private static ReportTemplate grouped(String id, String name, String description, String dataType,
			List<String> groupBy, List<Metric> metrics, List<RowFilter> filters, String chart) {
		return new ReportTemplate(id, name, description,
				new ReportDefinition(name, dataType, List.of(), filters, groupBy, metrics, List.of(), null, chart, 0));
	}

	private static ReportTemplate list(String id, String name, String description, String dataType, List<String> fields,
			List<RowSort> sorts) {
		return new ReportTemplate(id, name, description,
				new ReportDefinition(name, dataType, fields, List.of(), List.of(), List.of(), sorts, null, null, 0));
	}

	public static List<String> ids() {
		return ALL.stream().map(ReportTemplate::id).toList();
	}

	public static ReportTemplate find(String id) {
		return ALL.stream().filter((template) -> template.id().equals(id)).findFirst().orElse(null);
	}

}
