package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.channel.QrCodes;
import com.onsiteatlas.notification.settings.NotificationConfig;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.notification.template.RenderedMessage;
import com.onsiteatlas.notification.template.TemplateRenderingException;
import com.onsiteatlas.notification.template.TemplateService;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.projection.Directory;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Records notifications and answers questions about them. Recording is
 * insert-then-dispatch: the unique {@code dedupKey} makes a second request for the same
 * (cause, trigger, recipient, channel) a no-op, whatever replica or replay it comes from.
 */
@Service
public class NotificationService {

	private static final Logger logger = LoggerFactory.getLogger(NotificationService.class);

	/** Notifications inserted per bulk write when a send is recorded. */
	private static final int INSERT_BATCH = 500;

	private final ReactiveMongoTemplate mongo;

	private final TemplateService templates;

	private final NotificationConfigService configs;

	private final Dispatcher dispatcher;

	private final OptOuts optOuts;

	private final Directory directory;

	private final Clock clock;

	NotificationService(ReactiveMongoTemplate mongo, TemplateService templates, NotificationConfigService configs,
			Dispatcher dispatcher, OptOuts optOuts, Directory directory, Clock clock) {
		this.mongo = mongo;
		this.directory = directory;
		this.clock = clock;
		this.templates = templates;
		this.configs = configs;
		this.dispatcher = dispatcher;
		this.optOuts = optOuts;
	}

	/**
	 * Records sends as pending notifications (or skipped/failed ones when they cannot be
	 * sent) and wakes the dispatcher. Requests already recorded are counted as
	 * duplicates. Phone numbers are recorded in E.164, national ones read in the
	 * conference's country.
	 * @param requests the sends
	 * @return what happened
	 */
	public Mono<EnqueueResult> enqueue(Flux<SendRequest> requests) {
		Map<String, Mono<EventSettings>> settingsByEvent = new ConcurrentHashMap<>();
		return requests
			.concatMap((request) -> settingsByEvent.computeIfAbsent(request.eventId(), this::settings)
				.map((settings) -> build(request, settings.config(), settings.region())))
			.buffer(INSERT_BATCH)
			.concatMap(this::record)
			.reduce(new EnqueueResult(0, 0, 0), EnqueueResult::plus)
			.doOnSuccess((result) -> {
				if (result != null && result.queued() > 0) {
					this.dispatcher.nudge();
				}
			});
	}

	/**
	 * Inserts a batch in one unordered bulk write: a notification already recorded (same
	 * dedup key) is a duplicate and does not stop the others.
	 */
	private Mono<EnqueueResult> record(List<Notification> batch) {
		List<Document> documents = new ArrayList<>(batch.size());
		for (Notification notification : batch) {
			Document document = new Document();
			this.mongo.getConverter().write(notification, document);
			documents.add(document);
		}
		return this.mongo.getCollection(Notification.COLLECTION)
			.flatMap(
					(collection) -> Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
			.map((inserted) -> Set.<Integer>of())
			.onErrorResume(MongoBulkWriteException.class, (ex) -> {
				Set<Integer> duplicates = new HashSet<>();
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
						return Mono.error(ex);
					}
					duplicates.add(error.getIndex());
				}
				logger.debug("{} of {} already recorded", duplicates.size(), batch.size());
				return Mono.just(duplicates);
			})
			.map((duplicates) -> {
				int queued = 0;
				int skipped = 0;
				for (int i = 0; i < batch.size(); i++) {
					if (duplicates.contains(i)) {
						continue;
					}
					if (batch.get(i).status() == NotificationStatus.PENDING) {
						queued++;
					}
					else {
						skipped++;
					}
				}
				return new EnqueueResult(queued, duplicates.size(), skipped);
			});
	}

	private Mono<EventSettings> settings(String eventId) {
		Mono<String> region = this.directory.conference(eventId)
			.map(PhoneNumbers::region)
			.defaultIfEmpty(PhoneNumbers.UNKNOWN);
		return this.configs.stored(eventId).zipWith(region, EventSettings::new).cache();
	}

	private Notification build(SendRequest given, NotificationConfig config, String region) {
		SendRequest request = given.withRecipient(PhoneNumbers.normalise(given.recipient(), region));
		Instant now = this.clock.instant();
		String channel = request.channel();
		Notification.Recipient recipient = request.recipient();
		Notification.Recipient original = null;
		boolean testMode = config.testMode() && !"test".equals(request.source());
		NotificationStatus status = NotificationStatus.PENDING;
		String error = null;
		String code = null;
		if (testMode) {
			original = recipient;
			NotificationConfig.TestRecipients test = config.testRecipients();
			recipient = new Notification.Recipient(recipient.name(), (test != null) ? test.email() : null,
					(test != null) ? PhoneNumbers.normalise(test.phone(), region) : null);
		}
		String address = "email".equals(channel) ? recipient.email() : recipient.phone();
		if (address == null || address.isBlank()) {
			status = NotificationStatus.SKIPPED;
			code = "NO_ADDRESS";
			error = "The recipient has no " + ("email".equals(channel) ? "e-mail address" : "phone number")
					+ (testMode ? " among the test recipients" : "");
		}
		else if (!channelEnabled(config, channel) && !"test".equals(request.source())) {
			status = NotificationStatus.SKIPPED;
			code = "CHANNEL_DISABLED";
			error = "The " + channel + " channel is disabled for this event";
		}
		Notification.Content content = null;
		String qrPayload = null;
		boolean transactional = request.template().transactional();
		if (status == NotificationStatus.PENDING) {
			try {
				RenderedMessage rendered = this.templates.render(request.template(), request.model());
				Notification.WhatsAppTemplate whatsapp = (rendered.whatsappTemplate() != null)
						? new Notification.WhatsAppTemplate(rendered.whatsappTemplate().name(),
								rendered.whatsappTemplate().language(), rendered.whatsappTemplate().parameters())
						: null;
				content = new Notification.Content(rendered.subject(), rendered.text(), rendered.html(), whatsapp);
				if (rendered.qrCode()) {
					qrPayload = QrCodes.payload((request.registration() != null) ? request.registration() : "",
							request.eventId(), now.toEpochMilli());
				}
			}
			catch (TemplateRenderingException ex) {
				status = NotificationStatus.FAILED;
				code = "TEMPLATE";
				error = ex.getMessage();
			}
		}
		return new Notification(new ObjectId().toHexString(), request.eventId(), request.registration(),
				request.registrationId(), request.triggerId(), request.template().id(), channel, recipient, content,
				status, error, code, null, now, now, request.dedupKey(), request.source(), 0, List.of(), now, null,
				null, null, null, null, testMode, original, transactional, qrPayload, List.of());
	}

	private static boolean channelEnabled(NotificationConfig config, String channel) {
		return switch (channel) {
			case "email" -> config.email() == null || config.email().enabled();
			case "sms" -> config.sms() != null && config.sms().enabled();
			case "whatsapp" -> config.whatsapp() != null && config.whatsapp().enabled();
			default -> false;
		};
	}

	Mono<Paged<Notification>> list(String eventId, NotificationFilter filter, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (filter.channel() != null) {
			criteria.and("channel").is(filter.channel());
		}
		if (filter.status() != null) {
			criteria.and("status").is(filter.status().value());
		}
		if (filter.trigger() != null) {
			criteria.and("trigger").is(filter.trigger());
		}
		if (filter.template() != null) {
			criteria.and("template").is(filter.template());
		}
		if (filter.registration() != null) {
			criteria.and("registration").is(filter.registration());
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria created = criteria.and("createdAt");
			if (filter.from() != null) {
				created.gte(filter.from());
			}
			if (filter.to() != null) {
				created.lte(filter.to());
			}
		}
		if (filter.batch() != null) {
			criteria.and("dedupKey").regex("^" + Pattern.quote(filter.batch() + "|"));
		}
		List<Criteria> and = new ArrayList<>();
		and.add(criteria);
		if (filter.search() != null && !filter.search().isBlank()) {
			String quoted = Pattern.quote(filter.search().trim());
			and.add(new Criteria().orOperator(Criteria.where("recipient.name").regex(quoted, "i"),
					Criteria.where("recipient.email").regex(quoted, "i"),
					Criteria.where("recipient.phone").regex(quoted, "i"),
					Criteria.where("content.subject").regex(quoted, "i"),
					Criteria.where("registrationId").regex(quoted, "i")));
		}
		Query query = Query.query((and.size() == 1) ? criteria : new Criteria().andOperator(and));
		return MongoPaging.find(this.mongo, query, Notification.class, page);
	}

	/**
	 * How many notifications wait to be sent on a channel, all events together (the
	 * channel's pacing is per instance, not per event).
	 * @param channel email, sms or whatsapp
	 * @return pending notifications
	 */
	public Mono<Long> pendingCount(String channel) {
		return this.mongo.count(
				Query.query(Criteria.where("status").is(NotificationStatus.PENDING.value()).and("channel").is(channel)),
				Notification.class);
	}

	Mono<Notification> get(String eventId, String id) {
		ObjectIds.require(id, "id");
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("event").is(eventId)), Notification.class)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Notification not found")));
	}

	Mono<Notification> resend(String eventId, String id) {
		return get(eventId, id).flatMap((current) -> {
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
	public Mono<Long> cancelForRegistration(String eventId, String registration, String causeId) {
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
	public Mono<Long> deleteEvent(String eventId) {
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

	/**
	 * What recording the sends of an event needs to know about it.
	 *
	 * @param config its notification configuration
	 * @param region its country, for national phone numbers
	 */
	private record EventSettings(NotificationConfig config, String region) {
	}

	/**
	 * The outcome of an enqueue.
	 *
	 * @param queued recorded as pending
	 * @param duplicates already recorded before
	 * @param skipped recorded as skipped or failed (no address, channel off, template
	 * error)
	 */
	public record EnqueueResult(int queued, int duplicates, int skipped) {

		EnqueueResult plus(EnqueueResult other) {
			return new EnqueueResult(this.queued + other.queued, this.duplicates + other.duplicates,
					this.skipped + other.skipped);
		}

	}

}
