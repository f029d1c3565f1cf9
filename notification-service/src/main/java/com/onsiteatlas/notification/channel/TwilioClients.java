package com.onsiteatlas.notification.channel;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.AuthenticationException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;

/**
 * twilio-java clients per account (at most {@link #MAX_CLIENTS}), optionally routed to a
 * local stand-in ({@code atlas.notification.twilio.base-url}) while keeping the SDK's
 * real request pipeline; and the one way SMS and Twilio WhatsApp messages are created.
 */
@Component
class TwilioClients {

	private final NotificationProperties.Twilio properties;

	/** Accounts whose clients are kept at once. */
	static final int MAX_CLIENTS = 256;

	/**
	 * Clients by a digest of account and token; one pushed out is left to the garbage
	 * collector (twilio-java does not expose its HTTP client to close).
	 */
	private final CredentialCache<TwilioRestClient> clients = new CredentialCache<>(MAX_CLIENTS, (client) -> {
	});

	TwilioClients(NotificationProperties properties) {
		this.properties = properties.twilio();
	}

	TwilioRestClient client(ChannelSettings.TwilioAccount account) {
		return this.clients.get(account.key(), () -> {
			TwilioRestClient.Builder builder = new TwilioRestClient.Builder(account.accountSid(), account.authToken());
			Timeout timeout = Timeout.ofMilliseconds(this.properties.timeout().toMillis());
			RequestConfig requestConfig = RequestConfig.custom()
				.setConnectionRequestTimeout(timeout)
				.setResponseTimeout(timeout)
				.build();
			// Apache HttpClient 5 would silently re-POST on 429/503; the dispatcher
			// decides.
			HttpClientBuilder http = HttpClients.custom()
				.disableAutomaticRetries()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
					.setDefaultConnectionConfig(
							ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
					.build())
				// twilio-java puts its own RequestConfig on every request (30.5 s
				// connect, no response timeout), which replaces the client's default:
				// this puts ours back before the connection is leased, so a hung Twilio
				// is abandoned at the configured timeout.
				.addRequestInterceptorFirst((request, entity, context) -> HttpClientContext.castOrCreate(context)
					.setRequestConfig(requestConfig));
			if (this.properties.baseUrl() != null && !this.properties.baseUrl().isBlank()) {
				HttpHost stub = HttpHost.create(URI.create(this.properties.baseUrl()));
				http.setRoutePlanner((target, context) -> new HttpRoute(stub));
			}
			// The dispatcher owns retries (backoff with jitter, attempts recorded,
			// circuit breaker); the SDK's own silent retry of 503s would hide attempts
			// from the log.
			builder.httpClient(new NetworkHttpClient(http) {
				@Override
				protected boolean shouldRetry(com.twilio.http.Response response, int[] retryCodes) {
					return false;
				}
			});
			return builder.build();
		});
	}

	Mono<SendResult> send(ChannelSettings.TwilioAccount account, String to, String from, String body,
			String statusCallback, String provider) {
		return send(account, to, from, body, statusCallback, provider, null, null);
	}

	/**
	 * Creates a message; with a Content SID ({@code HX...}) Twilio sends that approved
	 * template with the given variables instead of the body.
	 */
	Mono<SendResult> send(ChannelSettings.TwilioAccount account, String to, String from, String body,
			String statusCallback, String provider, String contentSid, String contentVariables) {
		if (account == null || account.accountSid() == null || account.authToken() == null) {
			return Mono.error(SendFailure.permanent("NOT_CONFIGURED", "No Twilio credentials are configured"));
		}
		return Mono.fromCallable(() -> {
			var creator = (account.messagingServiceSid() != null && from == null)
					? Message.creator(new PhoneNumber(to), account.messagingServiceSid(), body)
					: Message.creator(new PhoneNumber(to), new PhoneNumber(from), body);
			if (statusCallback != null) {
				creator.setStatusCallback(URI.create(statusCallback));
			}
			if (contentSid != null) {
				creator.setContentSid(contentSid);
				creator.setContentVariables(contentVariables);
			}
			Message message = creator.create(client(account));
			return new SendResult(message.getSid(), provider);
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().plusSeconds(5),
					Mono.error(() -> SendFailure.temporary("ETIMEDOUT", "Twilio did not answer in time", null)))
			.onErrorMap((ex) -> !(ex instanceof SendFailure), this::classify);
	}

	Mono<ConnectionCheck> check(String channel, ChannelSettings.TwilioAccount account) {
		if (account == null || account.accountSid() == null || account.authToken() == null) {
			return Mono.just(ConnectionCheck.failed(channel, ConnectionResult.NOT_CONFIGURED,
					"No Twilio account SID and auth token configured"));
		}
		return Mono.fromCallable(() -> {
			var fetched = com.twilio.rest.api.v2010.Account.fetcher(account.accountSid()).fetch(client(account));
			return ConnectionCheck.ok(channel, "Twilio accepted the credentials of account " + fetched.getSid() + " ("
					+ fetched.getStatus() + ")");
		})
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().plusSeconds(5))
			.onErrorResume((ex) -> Mono.just(ConnectionCheck.failed(channel, ConnectionFailures.classify(ex),
					"Twilio credential check failed" + ConnectionFailures.status(ex))));
	}

	SendFailure classify(Throwable ex) {
		if (ex instanceof SendFailure failure) {
			return failure;
		}
		// The SDK wraps every I/O error in an ApiException without a status: the cause
		// tells a provider that hung past the timeout from one that could not be reached.
		if (ex.getCause() instanceof SocketTimeoutException) {
			return new SendFailure(true, "ETIMEDOUT", "Twilio did not answer within " + this.properties.timeout()
					+ " (atlas.notification.twilio.timeout): " + ex.getMessage(), null, ex);
		}
		if (ex instanceof ApiConnectionException || ex.getCause() instanceof IOException) {
			return new SendFailure(true, "ECONNECTION", "Cannot reach Twilio: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof ApiException api) {
			int status = (api.getStatusCode() != null) ? api.getStatusCode() : 0;
			String code = (api.getCode() != null) ? String.valueOf(api.getCode()) : String.valueOf(status);
			if (status == 429) {
				return new SendFailure(true, code, "Twilio rate limit: " + api.getMessage(), null, ex);
			}
			if (status >= 500 || status == 0) {
				return new SendFailure(true, code, "Twilio error " + status + ": " + api.getMessage(), null, ex);
			}
			return new SendFailure(false, code, "Twilio refused the message (" + status + "): " + api.getMessage(),
					null, ex);
		}
		if (ex instanceof AuthenticationException) {
			return new SendFailure(false, "EAUTH", ex.getMessage(), null, ex);
		}
		return new SendFailure(true, "UNKNOWN", "Twilio failure: " + ex.getMessage(), null, ex);
	}

}
