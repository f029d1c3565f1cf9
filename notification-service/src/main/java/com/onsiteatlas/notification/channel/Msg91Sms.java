package com.onsiteatlas.notification.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.onsiteatlas.notification.config.SmsProviderProperties;

/**
 * SMS through MSG91's Flow API ({@code POST /api/v5/flow}, header {@code authkey}): the
 * organiser's approved flow (DLT template) by {@code template_id}, with the rendered text
 * as its {@code message} variable. MSG91 answers {@code {type: success|error, message}}.
 * It offers no credential check that sends nothing, so {@link #check} says so.
 */
@Component
class Msg91Sms implements SmsProvider {

	private final WebClient web;

	private final SmsProviderProperties properties;

	Msg91Sms(WebClient.Builder builder, SmsProviderProperties properties) {
		this.properties = properties;
		this.web = SmsHttpClients.web(builder, SmsHttpClients.timed(properties.timeout()));
	}

	@Override
	public String name() {
		return "msg91";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.Msg91Account account = settings.smsAccount().msg91();
		if (account == null || SmsHttpClients.blank(account.authKey()) || SmsHttpClients.blank(account.templateId())) {
			return Mono.error(SmsHttpFailures.notConfigured(name(),
					"apiKey (auth key) and templateId (the flow's template id) are required"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("template_id", account.templateId());
		if (!SmsHttpClients.blank(account.senderId())) {
			body.put("sender", account.senderId());
		}
		if (!SmsHttpClients.blank(account.route())) {
			body.put("route", account.route());
		}
		body.put("short_url", "0");
		body.put("recipients", List.of(Map.of("mobiles", message.to().substring(1), "message", message.text())));
		return this.web.post()
			.uri(this.properties.msg91Base() + "/api/v5/flow")
			.header("authkey", account.authKey())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout().plusSeconds(1))
			.map((reply) -> {
				if (!"success".equals(reply.path("type").asText())) {
					throw refused(reply);
				}
				return new SendResult(reply.path("message").asText(null), name());
			})
			.onErrorMap((ex) -> !(ex instanceof SendFailure),
					(ex) -> SmsHttpFailures.classify("MSG91", ex, this.properties.timeout()));
	}

	private static SendFailure refused(JsonNode reply) {
		String text = reply.path("message").asText("");
		String detail = text.substring(0, Math.min(text.length(), 200));
		boolean auth = text.toLowerCase(Locale.ROOT).contains("auth");
		return SendFailure.permanent(auth ? "EAUTH" : "MSG91_ERROR", "MSG91 refused the message (" + detail + ")");
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.Msg91Account account = settings.smsAccount().msg91();
		if (account == null || SmsHttpClients.blank(account.authKey())) {
			return Mono
				.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_CONFIGURED, "MSG91: apiKey is required"));
		}
		return Mono.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_SUPPORTED,
				"MSG91 offers no credential check that sends nothing: send a test message"));
	}

}
