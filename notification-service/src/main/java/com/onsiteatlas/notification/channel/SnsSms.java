package com.onsiteatlas.notification.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.onsiteatlas.notification.config.SmsProviderProperties;
import com.onsiteatlas.support.signing.SigV4;

/**
 * SMS through AWS SNS: the Query API's {@code Publish} with a {@code PhoneNumber}, a
 * form-encoded POST signed with Signature Version 4 (service {@code sns}, the account's
 * region), without the AWS SDK. The credential check is {@code GetSMSAttributes}.
 */
@Component
class SnsSms implements SmsProvider {

	/**
	 * The content type, signed as Spring writes it (it re-serialises the header, so the
	 * signed text must be its own form).
	 */
	static final MediaType FORM = new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8);

	private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]{1,128})</MessageId>");

	private static final Pattern ERROR_CODE = Pattern.compile("<Code>([A-Za-z0-9.]{1,64})</Code>");

	/** A region is a host label of the endpoint: letters, digits and dashes only. */
	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,3}");

	private final WebClient web;

	private final SmsProviderProperties properties;

	private final Clock clock;

	SnsSms(WebClient.Builder builder, SmsProviderProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.web = SmsHttpClients.web(builder, SmsHttpClients.timed(properties.timeout()));
	}

	@Override
	public String name() {
		return "aws-sns";
	}

	@Override
	public Mono<SendResult> send(OutgoingMessage message, ChannelSettings settings) {
		ChannelSettings.SnsAccount account = settings.smsAccount().sns();
		String missing = missing(account);
		if (missing != null) {
			return Mono.error(SmsHttpFailures.notConfigured(name(), missing));
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("Action", "Publish");
		form.put("Version", "2010-03-31");
		form.put("PhoneNumber", message.to());
		form.put("Message", message.text());
		int entry = 1;
		form.put("MessageAttributes.entry." + entry + ".Name", "AWS.SNS.SMS.SMSType");
		form.put("MessageAttributes.entry." + entry + ".Value.DataType", "String");
		form.put("MessageAttributes.entry." + entry + ".Value.StringValue", "Transactional");
		if (account.senderId() != null && !account.senderId().isBlank()) {
			entry++;
			form.put("MessageAttributes.entry." + entry + ".Name", "AWS.SNS.SMS.SenderID");
			form.put("MessageAttributes.entry." + entry + ".Value.DataType", "String");
			form.put("MessageAttributes.entry." + entry + ".Value.StringValue", account.senderId());
		}
		return call(account, form).map((body) -> {
			Matcher id = MESSAGE_ID.matcher(body);
			return new SendResult(id.find() ? id.group(1) : null, name());
		}).onErrorMap((ex) -> !(ex instanceof SendFailure), this::classify);
	}

	@Override
	public Mono<ConnectionCheck> check(ChannelSettings settings) {
		ChannelSettings.SnsAccount account = settings.smsAccount().sns();
		String missing = missing(account);
		if (missing != null) {
			return Mono.just(ConnectionCheck.failed("sms", ConnectionResult.NOT_CONFIGURED, "AWS SNS: " + missing));
		}
		return call(account, Map.of("Action", "GetSMSAttributes", "Version", "2010-03-31"))
			.map((ignored) -> ConnectionCheck.ok("sms",
					"AWS SNS accepted access key " + account.accessKeyId() + " in " + account.region()))
			.onErrorResume((ex) -> Mono.just(ConnectionCheck.failed("sms", ConnectionFailures.classify(ex),
					"AWS SNS credential check failed" + ConnectionFailures.status(ex))));
	}

	private Mono<String> call(ChannelSettings.SnsAccount account, Map<String, String> form) {
		byte[] body = form.entrySet()
			.stream()
			.map((field) -> SigV4.encode(field.getKey()) + "=" + SigV4.encode(field.getValue()))
			.collect(Collectors.joining("&"))
			.getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create(this.properties.snsBase(account.region()) + "/");
		Map<String, String> headers = SigV4.sign("POST", uri, Map.of("Content-Type", FORM.toString()),
				SigV4.sha256Hex(body), new SigV4.Credentials(account.accessKeyId(), account.secretAccessKey()),
				account.region(), "sns", this.clock.instant());
		return this.web.post()
			.uri(uri)
			.headers((http) -> headers.forEach(http::set))
			.contentType(FORM)
			.body(BodyInserters.fromValue(body))
			.retrieve()
			.bodyToMono(String.class)
			.defaultIfEmpty("")
			.timeout(this.properties.timeout().plusSeconds(1));
	}

	private SendFailure classify(Throwable ex) {
		// SNS answers throttling and a bad signature as 400/403 with an AWS error code.
		if (ex instanceof WebClientResponseException response) {
			Matcher code = ERROR_CODE.matcher(response.getResponseBodyAsString());
			String awsCode = code.find() ? code.group(1) : null;
			if ("Throttling".equals(awsCode) || "ThrottlingException".equals(awsCode)) {
				return new SendFailure(true, awsCode, "AWS SNS throttled the send", null, ex);
			}
			if (awsCode != null && response.getStatusCode().is4xxClientError()) {
				boolean auth = response.getStatusCode().value() == 403 || awsCode.startsWith("InvalidClientToken")
						|| awsCode.equals("SignatureDoesNotMatch") || awsCode.equals("AuthorizationError");
				return new SendFailure(false, auth ? "EAUTH" : awsCode,
						"AWS SNS refused the message (HTTP " + response.getStatusCode().value() + ", " + awsCode + ")",
						null, ex);
			}
		}
		return SmsHttpFailures.classify("AWS SNS", ex, this.properties.timeout());
	}

	private static String missing(ChannelSettings.SnsAccount account) {
		if (account == null || SmsHttpClients.blank(account.accessKeyId())
				|| SmsHttpClients.blank(account.secretAccessKey())) {
			return "accessKeyId and secretAccessKey are required";
		}
		if (SmsHttpClients.blank(account.region()) || !REGION.matcher(account.region()).matches()) {
			return "region is required (e.g. eu-west-1)";
		}
		return null;
	}

}
