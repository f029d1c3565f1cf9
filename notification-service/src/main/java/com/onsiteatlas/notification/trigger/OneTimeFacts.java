package com.onsiteatlas.notification.trigger;

import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.abstracts.AbstractSubmitted;
import com.onsiteatlas.domainevents.payment.PaymentReceived;
import com.onsiteatlas.domainevents.registration.CheckInCompleted;
import com.onsiteatlas.domainevents.registration.RegistrationCreated;
import com.onsiteatlas.domainevents.registration.WorkshopRegistered;

/**
 * Facts that happen once for a business object: a registration is created once, a payment
 * is received once, an abstract submitted once, a registration joins a workshop once and
 * checks in once. A producer that retries at its own level publishes such a fact again
 * under a new envelope id; the sends it causes are therefore keyed by the business object
 * (the returned source key is part of each notification's unique key, with the trigger,
 * the recipient and the channel), so the attendee hears of it once. Every other fact is
 * keyed by its envelope id.
 */
final class OneTimeFacts {

	private OneTimeFacts() {
	}

	/**
	 * The source key of the sends an event causes.
	 * @param envelope the event
	 * @return {@code <type>:<business key>} for a one-time fact, else the envelope id
	 */
	static String sourceKey(EventEnvelope<?> envelope) {
		Object data = envelope.data();
		if (data instanceof RegistrationCreated created) {
			return "registration-created:" + created.registration().id();
		}
		if (data instanceof PaymentReceived payment) {
			return "payment-received:" + payment.paymentId();
		}
		if (data instanceof AbstractSubmitted submitted) {
			return "abstract-submitted:" + submitted.abstractInfo().id();
		}
		if (data instanceof WorkshopRegistered registered) {
			return "workshop-registered:" + registered.registration().id() + ":" + registered.workshop().workshopId();
		}
		if (data instanceof CheckInCompleted checkIn) {
			return "check-in-completed:" + checkIn.registration().id();
		}
		return envelope.id();
	}

}
