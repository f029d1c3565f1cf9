package com.onsiteatlas.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.security.RequestValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.support.web.ApiException;

/**
 * Verifies and applies provider delivery callbacks: Twilio status callbacks
 * ({@code X-Twilio-Signature}, checked by twilio-java's own {@link RequestValidator} with
 * the event's auth token) and WhatsApp Cloud API webhooks (verify token on subscription,
 * {@code X-Hub-Signature-256} HMAC-SHA256 of the body with the app secret).
 */
@Component
class ProviderCallbacks {

	private static final Logger logger = LoggerFactory.getLogger(ProviderCallbacks.class);

	private final NotificationRepository notifications;

	private final WhatsAppSessionRepository sessions;

	private final NotificationConfigService configs;

	private final ObjectMapper json;

	private final Clock clock;

	ProviderCallbacks(NotificationRepository notifications, WhatsAppSessionRepository sessions,
			NotificationConfigService configs, ObjectMapper json, Clock clock) {
		this.notifications = notifications;
		this.sessions = sessions;
		this.clock = clock;
		this.configs = configs;
		this.json = json;
	}

	Mono<Void> twilioStatus(String notificationId, String url, Map<String, String> params, String signature) {
		return this.notifications.findById(notificationId)
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Unknown callback")))
			.flatMap((notification) -> this.configs.resolve(notification.event()).flatMap((resolved) -> {
				var sms = resolved.settings().sms();
				String token = (sms != null) ? sms.authToken() : null;
				if (!twilioSigned(token, url, params, signature)) {
					logger.warn("Rejected a Twilio callback for {} with a bad signature", notificationId);
					return Mono.error(ApiException.forbidden("Invalid signature"));
				}
				String status = params.get("MessageStatus");
				if (status == null) {
					return Mono.empty();
				}
				return this.notifications.recordDeliveryStatus(notificationId, status, params.get("ErrorCode"),
						this.clock.instant());
			}));
	}

	/**
	 * Whether Twilio signed a callback: its validator also accepts the signature of the
	 * same URL with or without the default port, as Twilio may have called either.
	 * @param authToken the event's auth token, may be null (then nothing is signed)
	 * @param url the URL Twilio called
	 * @param params the form parameters
	 * @param signature {@code X-Twilio-Signature}, may be null
	 * @return true when the signature is Twilio's
	 */
	static boolean twilioSigned(String authToken, String url, Map<String, String> params, String signature) {
		return authToken != null && signature != null
				&& new RequestValidator(authToken).validate(url, params, signature);
	}

	Mono<String> whatsappVerify(String eventId, String mode, String token, String challenge) {
		return this.configs.resolve(eventId).flatMap((resolved) -> {
			var whatsapp = resolved.config().whatsapp();
			String expected = (whatsapp != null) ? whatsapp.webhookVerifyToken() : null;
			if (!"subscribe".equals(mode) || expected == null || token == null || !MessageDigest
				.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
				return Mono.error(ApiException.forbidden("Verification failed"));
			}
			return Mono.just((challenge != null) ? challenge : "");
		});
	}

	Mono<Void> whatsappEvent(String eventId, String body, String signature) {
		return this.configs.resolve(eventId).flatMap((resolved) -> {
			var whatsapp = resolved.config().whatsapp();
			String secret = (whatsapp != null) ? whatsapp.appSecret() : null;
			if (secret == null || signature == null || !signature.startsWith("sha256=")) {
				return Mono.error(ApiException.forbidden("Invalid signature"));
			}
			String expected = "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
			if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
					signature.getBytes(StandardCharsets.UTF_8))) {
				logger.warn("Rejected a WhatsApp webhook for event {} with a bad signature", eventId);
				return Mono.error(ApiException.forbidden("Invalid signature"));
			}
			JsonNode root;
			try {
				root = this.json.readTree(body);
			}
			catch (Exception ex) {
				return Mono.error(ApiException.badRequest("The webhook body is not JSON"));
			}
			return Flux.fromIterable(root.path("entry"))
				.flatMapIterable((entry) -> entry.path("changes"))
				.map((change) -> change.path("value"))
				.concatMap((value) -> Flux.concat(
						Flux.fromIterable(value.path("statuses")).concatMap((status) -> applyStatus(eventId, status)),
						Flux.fromIterable(value.path("messages")).concatMap((message) -> inbound(eventId, message))))
				.then();
		});
	}

	private Mono<Void> applyStatus(String eventId, JsonNode status) {
		String id = status.path("id").asText(null);
		String state = status.path("status").asText(null);
		if (id == null || state == null) {
			return Mono.empty();
		}
		return this.notifications.recordDeliveryStatusOfProviderMessage(eventId, id, state, this.clock.instant());
	}

	private Mono<Void> inbound(String eventId, JsonNode message) {
		String from = message.path("from").asText(null);
		if (from == null) {
			return Mono.empty();
		}
		return this.sessions.recordInbound(eventId, from, this.clock.instant());
	}

	static byte[] hmac(String algorithm, String key, String data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
