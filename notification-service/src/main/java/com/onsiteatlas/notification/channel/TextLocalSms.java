package com.onsiteatlas.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.notification.config.SmsProviderProperties;

/**
 * SMS through TextLocal's API: {@code POST /send/} with the form fields {@code apikey},
 * {@code numbers}, {@code sender} and {@code message}; the JSON reply says
 * {@code status: success|failure} with numbered {@code errors}. The credential check is
 * {@code POST /balance/}.
 */
@Component
class TextLocalSms implements SmsProvider {

	/** TextLocal's "Invalid login details". */
	static final int INVALID_LOGIN = 3;

	private final WebClient web;

	private final SmsProviderProperties properties;

	TextLocalSms(WebClient.Builder builder, SmsProviderProperties properties) {
		this.properties = properties;
		this.web = SmsHttpClients.web(builder, SmsHttpClients.timed(properties.timeout()));
	}

	@Override
	public String name() {
		return "textlocal";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.TextLocalAccount account = settings.smsAccount().textlocal();
		if (account == null || account.apiKey() == null || account.apiKey().isBlank()) {
			return Mono.error(SmsHttpFailures.notConfigured(name(), "apiKey is required"));
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("apikey", account.apiKey());
		form.add("numbers", message.to().substring(1));
		if (account.sender() != null && !account.sender().isBlank()) {
			form.add("sender", account.sender());
		}
		form.add("message", message.text());
		return call("/send/", form).map((reply) -> {
			if (!"success".equals(reply.path("status").asText())) {
				throw refused(reply);
			}
			JsonNode id = reply.path("messages").path(0).path("id");
			return new SendResult(id.isMissingNode() ? null : id.asText(), name());
		}).onErrorMap((ex) -> !(ex instanceof SendFailure), this::classify);
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.TextLocalAccount account = settings.smsAccount().textlocal();
		if (account == null || account.apiKey() == null || account.apiKey().isBlank()) {
			return Mono
				.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_CONFIGURED, "TextLocal: apiKey is required"));
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("apikey", account.apiKey());
		return call("/balance/", form).map((reply) -> {
			if ("success".equals(reply.path("status").asText())) {
				return ConnectionCheck.ok("sms", "TextLocal accepted the API key");
			}
			boolean login = errorCode(reply) == INVALID_LOGIN;
			return ConnectionCheck.failed("sms", login ? ConnectionResult.AUTH_FAILED : ConnectionResult.REJECTED,
					"TextLocal credential check failed (error " + errorCode(reply) + ")");
		})
			.onErrorResume((ex) -> Mono.just(ConnectionCheck.failed("sms", ConnectionFailures.classify(ex),
					"TextLocal credential check failed" + ConnectionFailures.status(ex))));
	}

	private Mono<JsonNode> call(String path, MultiValueMap<String, String> form) {
		return this.web.post()
			.uri(this.properties.textlocalBase() + path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout().plusSeconds(1));
	}

	/**
	 * A {@code failure} reply: an invalid login is an authentication failure, every other
	 * error (invalid number, no credit, unknown sender, too long) needs a change before a
	 * retry can help.
	 */
	private static SendFailure refused(JsonNode reply) {
		int code = errorCode(reply);
		String text = reply.path("errors").path(0).path("message").asText("");
		String detail = text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), 200));
		return SendFailure.permanent((code == INVALID_LOGIN) ? "EAUTH" : "TEXTLOCAL_" + code,
				"TextLocal refused the message (error " + code + detail + ")");
	}

	private static int errorCode(JsonNode reply) {
		return reply.path("errors").path(0).path("code").asInt(0);
	}

	private SendFailure classify(Throwable ex) {
		return SmsHttpFailures.classify("TextLocal", ex, this.properties.timeout());
	}

}
