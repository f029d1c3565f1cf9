package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiException;

/**
 * Changes the status of recorded notifications outside the dispatcher: a resend of a
 * failed one, the cancellation of what is pending for a cancelled registration, and the
 * removal of a deleted event's log. The legal transitions are
 * {@link NotificationStatus#canBecome(NotificationStatus)}.
 */
@Component
class NotificationStatusChanges {

	private final ReactiveMongoTemplate mongo;

	private final NotificationQueries queries;

	private final Dispatcher dispatcher;

	private final OptOuts optOuts;

	private final Clock clock;

	NotificationStatusChanges(ReactiveMongoTemplate mongo, NotificationQueries queries, Dispatcher dispatcher,
			OptOuts optOuts, Clock clock) {
		this.mongo = mongo;
		this.queries = queries;
		this.dispatcher = dispatcher;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	Mono<Notification> resend(String eventId, String id) {
		return this.queries.get(eventId, id).flatMap((current) -> {
			if (!current.status().canBecome(NotificationStatus.PENDING)) {
				return Mono.error(ApiException
					.conflict("Only failed notifications can be resent; this one is " + current.status().value()));
			}
			if (current.content() == null) {
				return Mono.error(ApiException.conflict("This notification has no content to resend ("
						+ current.errorMessage() + "); fix the template and send again"));
			}
			Update update = new Update().set("status", NotificationStatus.PENDING.value())
				.set("nextAttemptAt", this.clock.instant())
				.set("updatedAt", this.clock.instant())
				.set("source", "resend")
				.unset("errorMessage")
				.unset("errorCode");
			return this.mongo
				.findAndModify(
						Query.query(Criteria.where("_id")
							.is(id)
							.and("status")
							.in(NotificationStatus.thatCanBecome(NotificationStatus.PENDING))),
						update, FindAndModifyOptions.options().returnNew(true), Notification.class)
				.switchIfEmpty(Mono.error(() -> ApiException.conflict("The notification changed meanwhile")))
				.doOnNext((saved) -> this.dispatcher.nudge());
		});
	}

	/**
	 * Cancels what is still pending for a registration (it was cancelled), except what
	 * the cancellation itself caused (a cancellation notice).
	 * @param eventId the conference
	 * @param registration the registration {@code _id}
	 * @param causeId the envelope id of the registration-cancelled event
	 * @return number cancelled
	 */
	Mono<Long> cancelForRegistration(String eventId, String registration, String causeId) {
		Criteria pending = Criteria.where("event")
			.is(eventId)
			.and("registration")
			.is(registration)
			.and("status")
			.in(NotificationStatus.thatCanBecome(NotificationStatus.CANCELLED))
			.and("dedupKey")
			.not()
			.regex("^" + Pattern.quote(causeId + "|"));
		return this.mongo
			.updateMulti(Query.query(pending),
					new Update().set("status", NotificationStatus.CANCELLED.value())
						.set("errorMessage", "The registration was cancelled")
						.set("updatedAt", this.clock.instant()),
					Notification.class)
			.map((result) -> result.getModifiedCount());
	}

	/**
	 * Cancels pending sends of a deleted event and removes its log, opt-outs and WhatsApp
	 * sessions.
	 * @param eventId the conference
	 * @return number removed
	 */
	Mono<Long> deleteEvent(String eventId) {
		return this.mongo
			.updateMulti(
					Query.query(Criteria.where("event")
						.is(eventId)
						.and("status")
						.in(NotificationStatus.thatCanBecome(NotificationStatus.CANCELLED))),
					new Update().set("status", NotificationStatus.CANCELLED.value()), Notification.class)
			.then(this.optOuts.deleteEvent(eventId))
			.then(this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), WhatsAppSessions.COLLECTION))
			.then(this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), Notification.class))
			.map((result) -> result.getDeletedCount());
	}

}
