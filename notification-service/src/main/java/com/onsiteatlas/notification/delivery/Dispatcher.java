package com.onsiteatlas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.onsiteatlas.domainevents.RegistrationRef;
import com.onsiteatlas.domainevents.notification.NotificationFailed;
import com.onsiteatlas.domainevents.notification.NotificationSent;
import com.onsiteatlas.notification.channel.Channel;
import com.onsiteatlas.notification.channel.ChannelSettings;
import com.onsiteatlas.notification.channel.OutgoingMessage;
import com.onsiteatlas.notification.channel.SendFailure;
import com.onsiteatlas.notification.channel.SendResult;
import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Delivers pending notifications. Each one is claimed with an atomic
 * {@code findAndModify} lease (so replicas never send the same one, and a crashed
 * instance's claims expire and are taken over), paced per channel, sent through a circuit
 * breaker per provider, and then marked sent, retried later with exponential backoff and
 * jitter (transient failures, honouring Retry-After), or failed with the reason
 * (permanent ones). Sent and failed notifications carry their domain event in the same
 * write.
 */
@Component
public class Dispatcher implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private static final Duration OPEN_WAIT = Duration.ofSeconds(30);

	/** Due notifications looked up per query; each is then claimed by its id. */
	static final int CLAIM_BATCH = 100;

	private final ReactiveMongoTemplate mongo;

	private final NotificationConfigService configs;

	private final Map<String, Channel> channels = new HashMap<>();

	private final OptOuts optOuts;

	private final Outbox outbox;

	private final NotificationProperties properties;

	private final String owner = UUID.randomUUID().toString();

	private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();

	private final CircuitBreakerRegistry breakers;

	private final Clock clock;

	private final PeriodicWorker worker;

	Dispatcher(ReactiveMongoTemplate mongo, NotificationConfigService configs, List<Channel> channels, OptOuts optOuts,
			Outbox outbox, NotificationProperties properties, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.configs = configs;
		channels.forEach((channel) -> this.channels.put(channel.name(), channel));
		this.optOuts = optOuts;
		this.outbox = outbox;
		this.properties = properties;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(OPEN_WAIT)
			.permittedNumberOfCallsInHalfOpenState(2)
			.recordException((ex) -> ex instanceof SendFailure failure && failure.isTransient())
			.build());
		// A pass claims until nothing due is left, so it never reports more work.
		this.worker = new PeriodicWorker("dispatcher",
				PeriodicWorker.Schedule.of(properties.dispatch().pollInterval(), properties.dispatch().pollInterval())
					.enabled(properties.dispatch().enabled()),
				() -> dispatchDue().thenReturn(false));
	}

	/** Looks for due notifications now. */
	public void nudge() {
		this.worker.wakeUp();
	}

	@Override
	public PeriodicWorker worker() {
		return this.worker;
	}

	/**
	 * Claims and delivers due notifications until none is left.
	 * @return how many were handled
	 */
	public Mono<Long> dispatchDue() {
		AtomicBoolean more = new AtomicBoolean(true);
		return Flux.defer(() -> {
			AtomicInteger found = new AtomicInteger();
			return dueIds().doOnNext((id) -> found.incrementAndGet())
				.concatMap(this::claim)
				.doOnComplete(() -> more.set(found.get() == CLAIM_BATCH));
		}).repeat(more::get).flatMap(this::deliver, this.properties.dispatch().concurrency()).count();
	}

	/**
	 * The ids of the next due notifications, in due order. One query finds and sorts a
	 * batch and each is then claimed by its id, instead of a search and sort per claim.
	 * The MongoDB-wire server ignores the compound {@code {status, nextAttemptAt}} index
	 * and uses its _id index only for a query that is exactly {@code {_id}}, so there the
	 * guarded claim still scans the collection, without the sort (docs/PERFORMANCE.md).
	 */
	Flux<String> dueIds() {
		Instant now = this.clock.instant();
		Query query = Query.query(due(now)).with(Sort.by("nextAttemptAt")).limit(CLAIM_BATCH);
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, Notification.COLLECTION)
			.map((document) -> document.get("_id").toString());
	}

	/**
	 * Takes the lease of one notification if it is still due and free (another instance
	 * may have taken it since it was found).
	 * @param id the notification
	 * @return the claimed notification, empty when it is no longer available
	 */
	Mono<Notification> claim(String id) {
		Instant now = this.clock.instant();
		// MongoDB uses the _id index here; the MongoDB-wire server only for a query that
		// is exactly {_id}, so this guarded one scans the collection there (see
		// docs/PERFORMANCE.md).
		Query query = Query.query(Criteria.where("_id").is(id).andOperator(due(now)));
		Update claim = new Update().set("leaseOwner", this.owner)
			.set("leaseUntil", now.plus(this.properties.dispatch().lease()));
		return this.mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true),
				Notification.class);
	}

	private static Criteria due(Instant now) {
		return new Criteria().andOperator(Criteria.where("status").is(NotificationStatus.PENDING.value()),
				Criteria.where("nextAttemptAt").lte(now),
				new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
	}

	Mono<Void> deliver(Notification notification) {
		Channel channel = this.channels.get(notification.channel());
		if (channel == null || notification.content() == null || notification.recipient() == null) {
			return finish(notification, NotificationStatus.FAILED, null, "INVALID",
					"The notification has no channel, content or recipient to send", null);
		}
		String address = "email".equals(notification.channel()) ? notification.recipient().email()
				: notification.recipient().phone();
		Mono<Boolean> optedOut = notification.transactional() ? Mono.just(false)
				: this.optOuts.isOptedOut(notification.event(), notification.channel(), address);
		return optedOut.flatMap((out) -> {
			if (out) {
				return finish(notification, NotificationStatus.SKIPPED, null, "OPTED_OUT",
						"The recipient unsubscribed from these messages on " + notification.channel(), null);
			}
			return this.configs.resolve(notification.event())
				.flatMap((resolved) -> windowOpen(notification, address)
					.flatMap((window) -> attempt(notification, channel, resolved.settings(), address, window)));
		}).onErrorResume((ex) -> {
			logger.warn("Dispatch of notification {} failed unexpectedly: {}", notification.id(), ex.toString());
			return release(notification);
		});
	}

	private Mono<Void> attempt(Notification notification, Channel channel, ChannelSettings settings, String address,
			boolean window) {
		Notification.Content content = notification.content();
		OutgoingMessage.WhatsAppTemplate whatsapp = (content.whatsappTemplate() != null)
				? new OutgoingMessage.WhatsAppTemplate(content.whatsappTemplate().name(),
						content.whatsappTemplate().language(), content.whatsappTemplate().parameters())
				: null;
		String unsubscribe = (!notification.transactional() && "email".equals(notification.channel()))
				? this.optOuts.url(notification.event(), notification.channel(), address) : null;
		String callback = "email".equals(notification.channel()) ? null
				: this.properties.publicBaseUrl() + "/api/notifications/webhooks/twilio/" + notification.id();
		OutgoingMessage message = new OutgoingMessage(notification.id(), notification.recipient().name(), address,
				content.subject(), content.html(), content.body(), notification.qrPayload(), unsubscribe, whatsapp,
				window, callback);
		CircuitBreaker breaker = this.breakers.circuitBreaker(breakerName(notification.channel(), settings));
		Duration wait = pacer(notification.channel()).reserve();
		Instant started = this.clock.instant();
		Mono<SendResult> send = Mono.delay(wait)
			.then(Mono.defer(() -> channel.send(message, settings)))
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		return send.flatMap((result) -> finish(notification, NotificationStatus.SENT, result, null, null, started))
			.onErrorResume((ex) -> failed(notification, ex, started, breaker));
	}

	private Mono<Void> failed(Notification notification, Throwable ex, Instant started, CircuitBreaker breaker) {
		SendFailure failure;
		if (ex instanceof SendFailure sendFailure) {
			failure = sendFailure;
		}
		else if (ex instanceof CallNotPermittedException) {
			return deferred(notification, breaker);
		}
		else {
			failure = new SendFailure(true, "UNKNOWN", ex.toString(), null, ex);
		}
		int attempt = notification.attemptCount() + 1;
		if (failure.isTransient() && attempt < this.properties.dispatch().maxAttempts()) {
			Duration delay = backoff(attempt, failure.retryAfter());
			logger.info("Notification {} attempt {} failed ({}), retrying in {}", notification.id(), attempt,
					failure.getMessage(), delay);
			Update update = new Update().set("nextAttemptAt", this.clock.instant().plus(delay))
				.set("errorMessage", failure.getMessage())
				.set("errorCode", failure.code())
				.set("updatedAt", this.clock.instant())
				.set("attemptCount", attempt)
				.push("attempts",
						new Notification.Attempt(attempt, started, "retry", failure.code(), failure.getMessage(), null,
								Duration.between(started, this.clock.instant()).toMillis()))
				.unset("leaseOwner")
				.unset("leaseUntil");
			return this.mongo.updateFirst(Query.query(
					Criteria.where("_id").is(notification.id()).and("status").is(NotificationStatus.PENDING.value())),
					update, Notification.class)
				.then();
		}
		return finish(notification, NotificationStatus.FAILED, null, failure.code(), failure.getMessage(), started);
	}

	/**
	 * The breaker is open, so the send never reached the provider: it waits for the
	 * breaker without using up an attempt, unless it has waited longer than
	 * {@code max-deferral}.
	 */
	private Mono<Void> deferred(Notification notification, CircuitBreaker breaker) {
		String message = "The provider is failing; sends paused by the circuit breaker " + breaker.getName();
		Instant created = (notification.createdAt() != null) ? notification.createdAt() : this.clock.instant();
		if (created.plus(this.properties.dispatch().maxDeferral()).isBefore(this.clock.instant())) {
			return finish(notification, NotificationStatus.FAILED, null, "CIRCUIT_OPEN", message, null);
		}
		Duration delay = backoff(1, OPEN_WAIT);
		Update update = new Update().set("nextAttemptAt", this.clock.instant().plus(delay))
			.set("errorMessage", message)
			.set("errorCode", "CIRCUIT_OPEN")
			.set("updatedAt", this.clock.instant())
			.inc("deferrals", 1)
			.unset("leaseOwner")
			.unset("leaseUntil");
		return this.mongo
			.updateFirst(Query.query(
					Criteria.where("_id").is(notification.id()).and("status").is(NotificationStatus.PENDING.value())),
					update, Notification.class)
			.then();
	}

	Duration backoff(int attempt, Duration retryAfter) {
		long jitter = ThreadLocalRandom.current().nextLong(250);
		if (retryAfter != null) {
			return retryAfter.plusMillis(jitter);
		}
		NotificationProperties.Dispatch dispatch = this.properties.dispatch();
		long base = dispatch.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, dispatch.maxBackoff().toMillis());
		// Full jitter on the upper half spreads retries of a burst that failed together.
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	private Mono<Void> finish(Notification notification, NotificationStatus status, SendResult result, String code,
			String message, Instant started) {
		Instant now = this.clock.instant();
		int attempt = notification.attemptCount() + ((started != null) ? 1 : 0);
		Update update = new Update().set("status", status.value())
			.set("updatedAt", now)
			.set("attemptCount", attempt)
			.unset("leaseOwner")
			.unset("leaseUntil");
		if (started != null) {
			update.push("attempts",
					new Notification.Attempt(attempt, started, (status == NotificationStatus.SENT) ? "sent" : "failed",
							code, message, (result != null) ? result.providerMessageId() : null,
							Duration.between(started, now).toMillis()));
		}
		RegistrationRef registration = (notification.registration() != null)
				? new RegistrationRef(notification.registration(), notification.registrationId()) : null;
		OutboxMessage event = null;
		if (status == NotificationStatus.SENT) {
			update.set("sentAt", now)
				.set("providerMessageId", result.providerMessageId())
				.unset("errorMessage")
				.unset("errorCode");
			event = this.outbox.message(new NotificationSent(notification.event(), notification.id(), registration,
					notification.trigger(), notification.template(), notification.channel(), result.providerMessageId(),
					notification.testMode(), attempt, now, now), notification.event(), null);
		}
		else {
			update.set("errorMessage", message).set("errorCode", code);
			if (status == NotificationStatus.FAILED) {
				event = this.outbox.message(new NotificationFailed(notification.event(), notification.id(),
						registration, notification.trigger(), notification.template(), notification.channel(), code,
						message, notification.testMode(), attempt, now, now), notification.event(), null);
			}
		}
		if (event != null) {
			Outbox.push(update, List.of(event));
		}
		return this.mongo.updateFirst(Query.query(
				Criteria.where("_id").is(notification.id()).and("status").in(NotificationStatus.thatCanBecome(status))),
				update, Notification.class)
			// No relay nudge per send: each relay pass scans the collection for outbox
			// entries, and its regular poll is soon enough for reporting.
			.then();
	}

	private Mono<Void> release(Notification notification) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(notification.id()).and("leaseOwner").is(this.owner)),
					new Update().unset("leaseOwner")
						.unset("leaseUntil")
						.set("nextAttemptAt", this.clock.instant().plus(this.properties.dispatch().initialBackoff())),
					Notification.class)
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mono<Boolean> windowOpen(Notification notification, String address) {
		if (!"whatsapp".equals(notification.channel())) {
			return Mono.just(false);
		}
		return this.mongo.exists(Query.query(Criteria.where("_id")
			.is(WhatsAppSessions.key(notification.event(), address))
			.and("lastInboundAt")
			.gt(this.clock.instant().minus(Duration.ofHours(24)))), WhatsAppSessions.COLLECTION);
	}

	/**
	 * One breaker per provider account, so one event's failing account (or SMTP server)
	 * never pauses the sends of events that use another.
	 */
	static String breakerName(String channel, ChannelSettings settings) {
		return switch (channel) {
			case "email" -> "smtp:" + ((settings.smtp() != null) ? settings.smtp().host() : "global");
			case "sms" -> "twilio:" + ((settings.sms() != null) ? settings.sms().accountSid() : "none");
			default -> {
				if (settings.whatsapp() == null) {
					yield "whatsapp";
				}
				ChannelSettings.WhatsAppAccount account = settings.whatsapp();
				yield "whatsapp:" + account.provider() + ":"
						+ (("twilio".equals(account.provider()) && account.twilio() != null)
								? account.twilio().accountSid() : account.phoneNumberId());
			}
		};
	}

	private Pacer pacer(String channel) {
		return this.pacers.computeIfAbsent(channel,
				(name) -> new Pacer(this.properties.rateLimit(name), System::nanoTime));
	}

	CircuitBreakerRegistry breakers() {
		return this.breakers;
	}

}
