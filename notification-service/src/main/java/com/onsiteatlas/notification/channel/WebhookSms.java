package com.onsiteatlas.notification.channel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.notification.config.SmsProviderProperties;
import com.onsiteatlas.support.destination.CheckedAddressResolverGroup;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * The spec's {@code other} SMS provider: the organiser's own gateway, reached as an HTTP
 * webhook. Each message is POSTed as JSON {@code {to, from, message, eventId,
 * notificationId}} with an optional bearer token or basic login; any 2xx means accepted.
 * The URL is the organiser's, so it is checked by the {@link DestinationPolicy} before
 * each call and every address it resolves to is checked again by the resolver; the reply
 * is never shown (only a short {@code id} is kept as the provider message id).
 */
@Component
class WebhookSms implements SmsProvider {

	static final String URL_FIELD = "sms.config.url";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final WebClient web;

	private final SmsProviderProperties properties;

	private final DestinationPolicy destinations;

	WebhookSms(WebClient.Builder builder, SmsProviderProperties properties, DestinationPolicy destinations) {
		this.properties = properties;
		this.destinations = destinations;
		this.web = SmsHttpClients.web(builder, SmsHttpClients.timed(properties.timeout())
			.resolver(new CheckedAddressResolverGroup(destinations, URL_FIELD)));
	}

	@Override
	public String name() {
		return "other";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.WebhookAccount account = settings.smsAccount().webhook();
		if (account == null || account.url() == null || account.url().isBlank()) {
			return Mono.error(SmsHttpFailures.notConfigured(name(), "url (the gateway's webhook) is required"));
		}
		try {
			this.destinations.checkUrlAtConnect(URL_FIELD, account.url());
		}
		catch (DestinationRefusedException ex) {
			return Mono.error(SendFailure.permanent("EDESTINATION", ex.getMessage()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", message.to());
		body.put("from", account.from());
		body.put("message", message.text());
		body.put("eventId", settings.eventId());
		body.put("notificationId", message.notificationId());
		return this.web.post()
			.uri(account.url())
			.headers((headers) -> authorize(headers, account))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(String.class)
			.map(WebhookSms::idOf)
			.defaultIfEmpty("")
			.timeout(this.properties.timeout().plusSeconds(1))
			.map((id) -> new SendResult(SAFE_ID.matcher(id).matches() ? id : message.notificationId(), name()))
			.onErrorMap((ex) -> !(ex instanceof SendFailure),
					(ex) -> SmsHttpFailures.classify("The SMS webhook", ex, this.properties.timeout()));
	}

	/** The {@code id} of a JSON reply, or nothing: any 2xx reply means accepted. */
	private static String idOf(String reply) {
		try {
			return JSON.readTree(reply).path("id").asText("");
		}
		catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException ex) {
			return "";
		}
	}

	private static void authorize(HttpHeaders headers, ChannelSettings.WebhookAccount account) {
		if (account.secret() == null || account.secret().isBlank()) {
			return;
		}
		if (account.username() != null && !account.username().isBlank()) {
			headers.setBasicAuth(account.username(), account.secret(), StandardCharsets.UTF_8);
		}
		else {
			headers.setBearerAuth(account.secret());
		}
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.WebhookAccount account = settings.smsAccount().webhook();
		if (account == null || account.url() == null || account.url().isBlank()) {
			return Mono
				.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_CONFIGURED, "The SMS webhook needs a url"));
		}
		try {
			this.destinations.checkUrlAtConnect(URL_FIELD, account.url());
		}
		catch (DestinationRefusedException ex) {
			return Mono.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_ALLOWED, ex.getMessage()));
		}
		return Mono.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_SUPPORTED,
				"A webhook cannot be checked without sending a message: send a test message"));
	}

}
