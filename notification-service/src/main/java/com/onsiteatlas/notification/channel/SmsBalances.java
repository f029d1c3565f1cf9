package com.onsiteatlas.notification.channel;

import com.twilio.rest.api.v2010.account.Balance;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.onsiteatlas.notification.config.NotificationProperties;
import com.onsiteatlas.support.web.ApiException;

/**
 * The prepaid balance of a conference's SMS account, as Twilio's Balance API reports it
 * ({@code GET /2010-04-01/Accounts/{sid}/Balance.json}).
 */
@Component
public class SmsBalances {

	private final TwilioClients twilio;

	private final NotificationProperties.Twilio properties;

	SmsBalances(TwilioClients twilio, NotificationProperties properties) {
		this.twilio = twilio;
		this.properties = properties.twilio();
	}

	/**
	 * Asks the provider for the balance.
	 * @param settings the conference's channel settings
	 * @return the balance; 409 when no Twilio SMS account is configured or another
	 * provider is the active one, 502 with the failure's class (never the provider's
	 * text) when the provider does not give it
	 */
	public Mono<SmsBalance> balance(ChannelSettings settings) {
		ChannelSettings.SmsAccount active = settings.smsAccount();
		if (active != null && !"twilio".equals(active.provider())) {
			// The balance of another provider's account is not Twilio's: never answer
			// with
			// the wrong one.
			return Mono.error(new ApiException(HttpStatus.CONFLICT, "The balance is available for Twilio only; this"
					+ " conference sends SMS through '" + active.provider() + "'"));
		}
		ChannelSettings.TwilioAccount account = settings.sms();
		if (account == null || account.accountSid() == null || account.authToken() == null) {
			return Mono.error(new ApiException(HttpStatus.CONFLICT,
					"No SMS account is configured for this conference: set sms in notification-config"));
		}
		return Mono.fromCallable(() -> Balance.fetcher(account.accountSid()).fetch(this.twilio.client(account)))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.properties.timeout().plusSeconds(5))
			.map((balance) -> new SmsBalance("twilio", balance.getBalance(), balance.getCurrency()))
			.onErrorMap((ex) -> !(ex instanceof ApiException), (ex) -> new ApiException(HttpStatus.BAD_GATEWAY,
					"Twilio did not give the balance (" + this.twilio.classify(ex).code() + ")"));
	}

	/**
	 * A provider's balance.
	 *
	 * @param provider the provider
	 * @param balance the amount, as the provider writes it (a decimal string)
	 * @param currency its currency
	 */
	public record SmsBalance(String provider, String balance, String currency) {
	}

}
