package com.onsiteatlas.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which registrations of an event a bulk send reaches (from the registrations read
 * model).
 *
 * @param category category id or name
 * @param status active, cancelled or no-show (default: active)
 * @param paymentStatus pending, paid or failed
 * @param registrationType registration type
 * @param checkedIn whether checked in
 * @param workshop workshop id the registrant signed up for
 * @param search text in name, e-mail, id or organisation
 */
public record RecipientFilter(@Size(max = 100) String category,
		@jakarta.validation.constraints.Pattern(regexp = "active|cancelled|no-show",
				flags = Flag.CASE_INSENSITIVE) String status,
		@jakarta.validation.constraints.Pattern(regexp = "pending|paid|failed") String paymentStatus,
		@Size(max = 100) String registrationType, Boolean checkedIn, @Size(max = 100) String workshop,
		@Size(max = 200) String search) {

	/**
	 * The filter as read-model criteria.
	 * @return criteria
	 */
	public Criteria toCriteria() {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("status").is((this.status != null) ? this.status.toLowerCase(Locale.ROOT) : "active"));
		if (this.category != null) {
			all.add(new Criteria().orOperator(Criteria.where("category._id").is(this.category),
					Criteria.where("category.name").is(this.category)));
		}
		if (this.paymentStatus != null) {
			all.add(Criteria.where("paymentStatus").is(this.paymentStatus));
		}
		if (this.registrationType != null) {
			all.add(Criteria.where("registrationType").is(this.registrationType));
		}
		if (this.checkedIn != null) {
			all.add(this.checkedIn ? Criteria.where("checkIn.isCheckedIn").is(true)
					: new Criteria().orOperator(Criteria.where("checkIn.isCheckedIn").is(false),
							Criteria.where("checkIn").exists(false), Criteria.where("checkIn").is(null)));
		}
		if (this.workshop != null) {
			all.add(Criteria.where("workshops.workshopId").is(this.workshop));
		}
		if (this.search != null && !this.search.isBlank()) {
			all.add(Criteria.where("searchText").regex(Pattern.quote(this.search.trim().toLowerCase(Locale.ROOT))));
		}
		return new Criteria().andOperator(all);
	}

	/** Active registrations. */
	public static RecipientFilter active() {
		return new RecipientFilter(null, null, null, null, null, null, null);
	}

}
