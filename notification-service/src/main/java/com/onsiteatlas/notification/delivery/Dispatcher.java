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
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.channel.Channel;
import com.onsiteatlas.notification.channel.ChannelSettings;
import com.onsiteatlas.notification.channel.OutgoingMessage;
import com.onsiteatlas.notification.channel.SendFailure;
import com.onsiteatlas.notification.channel.SendResult;
import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.retention.DeletedConferences;
import com.onsiteatlas.support.worker.PeriodicWork;
import com.onsiteatlas.support.worker.PeriodicWorker;

/**
 * Delivers pending notifications. Each one is claimed with a lease
 * ({@link NotificationClaims}), paced per channel, sent through a circuit breaker per
 * provider ({@link ProviderBreakers}), and then marked sent, retried later with
 * exponential backoff and jitter (transient failures, honouring Retry-After), or failed
 * with the reason (permanent ones) by {@link DeliveryOutcomes}.
 */
@Component
public class Dispatcher implements PeriodicWork {

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	/** Due notifications looked up per query, then claimed together. */
	static final int CLAIM_BATCH = NotificationClaims.BATCH;

	private final WhatsAppSessionRepository sessions;

	private final NotificationConfigService configs;

	private final Map<String, Channel> channels = new HashMap<>();

	private final OptOuts optOuts;

	private final NotificationProperties properties;

	private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();

	private final ProviderBreakers breakers = new ProviderBreakers();

	private final NotificationClaims claims;

	private final DeliveryOutcomes outcomes;

	private final Clock clock;

	private final PeriodicWorker worker;

	private final Function<String, Mono<Boolean>> conferenceDeleted;

	Dispatcher(NotificationRepository notifications, WhatsAppSessionRepository sessions,
			NotificationConfigService configs, List<Channel> channels, OptOuts optOuts, Outbox outbox,
			NotificationProperties properties, Clock clock) {
		this(notifications, sessions, configs, channels, optOuts, outbox, properties, clock,
				(eventId) -> Mono.just(false));
	}

	@Autowired
	Dispatcher(NotificationRepository notifications, WhatsAppSessionRepository sessions,
			NotificationConfigService configs, List<Channel> channels, OptOuts optOuts, Outbox outbox,
			NotificationProperties properties, Clock clock, DeletedConferences deleted) {
		this(notifications, sessions, configs, channels, optOuts, outbox, properties, clock, deleted::isDeleted);
	}

	private Dispatcher(NotificationRepository notifications, WhatsAppSessionRepository sessions,
			NotificationConfigService configs, List<Channel> channels, OptOuts optOuts, Outbox outbox,
			NotificationProperties properties, Clock clock, Function<String, Mono<Boolean>> conferenceDeleted) {
		this.conferenceDeleted = conferenceDeleted;
		this.sessions = sessions;
		this.clock = clock;
		this.configs = configs;
		channels.forEach((channel) -> this.channels.put(channel.name(), channel));
		this.optOuts = optOuts;
		this.properties = properties;
		this.claims = new NotificationClaims(notifications, clock, UUID.randomUUID().toString(),
				properties.dispatch().lease(), properties.dispatch().initialBackoff());
		this.outcomes = new DeliveryOutcomes(notifications, outbox, clock);
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
			BatchSettings settings = new BatchSettings(this.configs::resolve);
			return this.claims.dueIds()
				.doOnNext((id) -> found.incrementAndGet())
				.collectList()
				.flatMapMany(this.claims::claimAll)
				.map((notification) -> new Claimed(notification, settings))
				.doOnComplete(() -> more.set(found.get() == CLAIM_BATCH));
		})
			.repeat(more::get)
			.flatMap((claimed) -> deliver(claimed.notification(), claimed.settings()),
					this.properties.dispatch().concurrency())
			.count();
	}

	private Mono<Void> deliver(Notification notification, BatchSettings settings) {
		Channel channel = this.channels.get(notification.channel());
		if (channel == null || notification.content() == null || notification.recipient() == null) {
			return this.outcomes.finish(notification, NotificationStatus.FAILED, null, "INVALID",
					"The notification has no channel, content or recipient to send", null);
		}
		String address = "email".equals(notification.channel()) ? notification.recipient().email()
				: notification.recipient().phone();
		Mono<Boolean> optedOut = notification.transactional() ? Mono.just(false)
				: this.optOuts.isOptedOut(notification.event(), notification.channel(), address);
		// A deleted conference sends nothing from the moment its tombstone exists, also
		// what was queued or scheduled before (issue 15 item 5).
		return this.conferenceDeleted.apply(notification.event())
			.flatMap((deleted) -> deleted
					? this.outcomes.finish(notification, NotificationStatus.SKIPPED, null, "CONFERENCE_DELETED",
							"The conference was deleted", null)
					: send(notification, channel, address, optedOut, settings))
			.onErrorResume((ex) -> {
				logger.warn("Dispatch of notification {} failed unexpectedly: {}", notification.id(), ex.toString());
				return this.claims.release(notification);
			});
	}

	private Mono<Void> send(Notification notification, Channel channel, String address, Mono<Boolean> optedOut,
			BatchSettings settings) {
		return optedOut.flatMap((out) -> {
			if (out) {
				return this.outcomes.finish(notification, NotificationStatus.SKIPPED, null, "OPTED_OUT",
						"The recipient unsubscribed from these messages on " + notification.channel(), null);
			}
			return settings.of(notification.event())
				.flatMap((resolved) -> windowOpen(notification, address)
					.flatMap((window) -> attempt(notification, channel, resolved.settings(), address, window)));
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
		CircuitBreaker breaker = this.breakers.of(notification.channel(), settings);
		Duration wait = pacer(notification.channel()).reserve();
		Instant started = this.clock.instant();
		Mono<SendResult> send = Mono.delay(wait)
			.then(Mono.defer(() -> channel.send(message, settings)))
			.transformDeferred(CircuitBreakerOperator.of(breaker));
		return send.flatMap(
				(result) -> this.outcomes.finish(notification, NotificationStatus.SENT, result, null, null, started))
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
			return this.outcomes.retry(notification, attempt, failure, started, delay);
		}
		return this.outcomes.finish(notification, NotificationStatus.FAILED, null, failure.code(), failure.getMessage(),
				started);
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
			return this.outcomes.finish(notification, NotificationStatus.FAILED, null, "CIRCUIT_OPEN", message, null);
		}
		return this.outcomes.defer(notification, message, backoff(1, ProviderBreakers.OPEN_WAIT));
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

	private Mono<Boolean> windowOpen(Notification notification, String address) {
		if (!"whatsapp".equals(notification.channel())) {
			return Mono.just(false);
		}
		return this.sessions.isOpenSince(notification.event(), address,
				this.clock.instant().minus(Duration.ofHours(24)));
	}

	private Pacer pacer(String channel) {
		return this.pacers.computeIfAbsent(channel,
				(name) -> new Pacer(this.properties.rateLimit(name), System::nanoTime));
	}

	CircuitBreakerRegistry breakers() {
		return this.breakers.registry();
	}

	/** A claimed notification and the settings of its batch. */
	private record Claimed(Notification notification, BatchSettings settings) {
	}

}
