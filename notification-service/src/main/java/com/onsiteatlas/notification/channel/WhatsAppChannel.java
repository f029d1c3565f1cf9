package com.onsiteatlas.notification.channel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.destination.CheckedAddressResolverGroup;
import com.onsiteatlas.support.destination.DestinationPolicy;
import com.onsiteatlas.support.destination.DestinationRefusedException;

/**
 * WhatsApp through the WhatsApp Business Cloud API (approved template messages for
 * business-initiated sends, free text only inside the 24-hour customer-service window) or
 * through Twilio's WhatsApp sender. An organiser's own API base URL
 * ({@code businessApiUrl}) is reached only through a client whose resolver checks every
 * address against the {@link DestinationPolicy}, after the URL itself is checked (an
 * address literal never reaches a resolver); the phone number id, a path segment, must be
 * a safe path segment.
 */
@Component
class WhatsAppChannel implements Channel {

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	private static final String URL_FIELD = "whatsapp.businessApiUrl";

	/**
	 * Meta's phone number ids are digits; letters, {@code _} and {@code -} are let
	 * through, anything else ({@code / . ? # %}) would change the request path.
	 */
	private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final WebClient web;

	private final WebClient organiserWeb;

	private final NotificationProperties.WhatsApp properties;

	private final TwilioClients twilio;

	private final DestinationPolicy destinations;

	WhatsAppChannel(WebClient.Builder builder, NotificationProperties properties, TwilioClients twilio,
			DestinationPolicy destinations) {
		this.properties = properties.whatsapp();
		this.twilio = twilio;
		this.destinations = destinations;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.properties.timeout().toMillis())
			.responseTimeout(this.properties.timeout());
		this.web = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
		HttpClient checked = http.resolver(new CheckedAddressResolverGroup(destinations, URL_FIELD));
		this.organiserWeb = builder.clone().clientConnector(new ReactorClientHttpConnector(checked)).build();
	}

	@Override
	public String name() {
		return "whatsapp";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.WhatsAppAccount account = settings.whatsapp();
		if (account == null) {
			return Mono.error(SendFailure.permanent("NOT_CONFIGURED", "WhatsApp is not configured for this event"));
		}
		if (message.to() == null || !message.to().matches("\\+?[1-9]\\d{6,14}")) {
			return Mono.error(SendFailure.permanent("INVALID_NUMBER",
					"'" + message.to() + "' is not an international phone number"));
		}
		boolean freeText = message.whatsappWindowOpen() && message.text() != null && !message.text().isBlank();
		if (!freeText && message.whatsappTemplate() == null) {
			return Mono.error(SendFailure.permanent("OUTSIDE_WINDOW",
					"The recipient has not written within 24 hours: WhatsApp needs an approved template"
							+ " (set 'whatsapp.name' on the template)"));
		}
		if ("twilio".equals(account.provider())) {
			ChannelSettings.TwilioAccount sender = account.twilio();
			String to = "whatsapp:" + e164(message.to());
			String from = (sender != null && sender.from() != null) ? "whatsapp:" + e164(sender.from()) : null;
			if (freeText) {
				return this.twilio.send(sender, to, from, message.text(), message.statusCallbackUrl(),
						"twilio-whatsapp");
			}
			// Twilio sends approved WhatsApp templates by Content SID with numbered
			// variables.
			OutgoingMessage.WhatsAppTemplate template = message.whatsappTemplate();
			if (!template.name().matches("HX[0-9a-fA-F]{32}")) {
				return Mono.error(SendFailure.permanent("TEMPLATE",
						"With Twilio, the WhatsApp template name must be its Content SID (HX...)"));
			}
			Map<String, String> variables = new LinkedHashMap<>();
			for (int i = 0; i < template.parameters().size(); i++) {
				variables.put(String.valueOf(i + 1), template.parameters().get(i));
			}
			String json;
			try {
				json = JSON.writeValueAsString(variables);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				return Mono.error(SendFailure.permanent("TEMPLATE", ex.getMessage()));
			}
			return this.twilio.send(sender, to, from, String.join(" ", template.parameters()),
					message.statusCallbackUrl(), "twilio-whatsapp", template.name(), json);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", message.to().replace("+", ""));
		if (freeText) {
			body.put("type", "text");
			body.put("text", Map.of("preview_url", false, "body", message.text()));
		}
		else {
			OutgoingMessage.WhatsAppTemplate template = message.whatsappTemplate();
			List<Map<String, Object>> parameters = template.parameters()
				.stream()
				.map((value) -> Map.<String, Object>of("type", "text", "text", value))
				.toList();
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("name", template.name());
			content.put("language", Map.of("code", template.language()));
			if (!parameters.isEmpty()) {
				content.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
			}
			body.put("type", "template");
			body.put("template", content);
		}
		String invalid = invalidDestination(account);
		if (invalid != null) {
			return Mono.error(SendFailure.permanent("EDESTINATION", invalid));
		}
		return client(account).post()
			.uri(base(account) + "/" + account.phoneNumberId() + "/messages")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken())
			.bodyValue(body)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout().plusSeconds(1))
			.map((response) -> new SendResult(response.path("messages").path(0).path("id").asText(null), "cloud-api"))
			.onErrorMap((ex) -> !(ex instanceof SendFailure), this::classify);
	}

	private String base(ChannelSettings.WhatsAppAccount account) {
		String base = organiserBase(account) ? account.baseUrl() : this.properties.baseUrl();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static boolean organiserBase(ChannelSettings.WhatsAppAccount account) {
		return account.baseUrl() != null && !account.baseUrl().isBlank();
	}

	/**
	 * The checked client for an organiser's base URL, the plain one for the operator's.
	 */
	private WebClient client(ChannelSettings.WhatsAppAccount account) {
		return organiserBase(account) ? this.organiserWeb : this.web;
	}

	/**
	 * Why the account's destination may not be reached, or null: a phone number id that
	 * is not digits, or an organiser base URL that is not allowed.
	 */
	private String invalidDestination(ChannelSettings.WhatsAppAccount account) {
		if (account.phoneNumberId() == null || !PHONE_NUMBER_ID.matcher(account.phoneNumberId()).matches()) {
			return "whatsapp.phoneNumberId must be letters, digits, _ or - (a path segment)";
		}
		if (organiserBase(account)) {
			try {
				this.destinations.checkUrlAtConnect(URL_FIELD, account.baseUrl());
			}
			catch (DestinationRefusedException ex) {
				return ex.getMessage();
			}
		}
		return null;
	}

	private static String e164(String number) {
		return number.startsWith("+") ? number : "+" + number;
	}

	SendFailure classify(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			HttpStatusCode status = response.getStatusCode();
			String detail = response.getResponseBodyAsString();
			if (status.value() == 429) {
				return new SendFailure(true, "429", "WhatsApp rate limit: " + detail,
						retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)), ex);
			}
			if (status.is5xxServerError()) {
				return new SendFailure(true, String.valueOf(status.value()),
						"WhatsApp API error " + status.value() + ": " + detail, null, ex);
			}
			return new SendFailure(false, String.valueOf(status.value()),
					"WhatsApp API refused the message (" + status.value() + "): " + detail, null, ex);
		}
		// A response timeout arrives as a request exception caused by Netty's
		// ReadTimeoutException; the operator's own timeout as a TimeoutException.
		if (ex instanceof TimeoutException || ex.getCause() instanceof ReadTimeoutException) {
			return new SendFailure(true, "ETIMEDOUT", "The WhatsApp API did not answer within "
					+ this.properties.timeout() + " (atlas.notification.whatsapp.timeout)", null, ex);
		}
		if (ex instanceof WebClientRequestException) {
			return new SendFailure(true, "ECONNECTION", "Cannot reach the WhatsApp API: " + ex.getMessage(), null, ex);
		}
		return new SendFailure(true, "UNKNOWN", "WhatsApp failure: " + ex.getMessage(), null, ex);
	}

	static Duration retryAfter(String header) {
		if (header == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(header.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.WhatsAppAccount account = settings.whatsapp();
		if (account == null) {
			return Mono.just(
					ConnectionCheck.failed("whatsapp", ConnectionResult.NOT_CONFIGURED, "WhatsApp is not configured"));
		}
		if ("twilio".equals(account.provider())) {
			return this.twilio.check("whatsapp", account.twilio());
		}
		if (account.phoneNumberId() == null || account.accessToken() == null) {
			return Mono.just(ConnectionCheck.failed("whatsapp", ConnectionResult.NOT_CONFIGURED,
					"Phone number id and access token are required"));
		}
		String invalid = invalidDestination(account);
		if (invalid != null) {
			return Mono.just(ConnectionCheck.failed("whatsapp", ConnectionResult.NOT_ALLOWED, invalid));
		}
		return client(account).get()
			.uri(base(account) + "/" + account.phoneNumberId())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken())
			.retrieve()
			.toBodilessEntity()
			.timeout(this.properties.timeout().plusSeconds(1))
			.map((ignored) -> ConnectionCheck.ok("whatsapp",
					"The WhatsApp Cloud API accepted the token for phone number id " + account.phoneNumberId()))
			.onErrorResume((ex) -> Mono.just(ConnectionCheck.failed("whatsapp", ConnectionFailures.classify(ex),
					"WhatsApp credential check failed" + ConnectionFailures.status(ex))));
	}

}
