package com.onsiteatlas.notification.settings;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.notification.channel.ConnectionCheck;
import com.onsiteatlas.notification.channel.SmsBalances;

/**
 * What the existing ONSITE ATLAS client asks of a conference's WhatsApp and SMS accounts
 * ({@code /api/whatsapp/validate}, {@code /api/sms/validate}, {@code /api/sms/balance}):
 * whether the stored credentials work, and the SMS account's balance.
 */
@Service
class ChannelChecks {

	private final NotificationConfigService configs;

	private final SmsBalances balances;

	ChannelChecks(NotificationConfigService configs, SmsBalances balances) {
		this.configs = configs;
		this.balances = balances;
	}

	/**
	 * Checks one channel's account with its provider.
	 * @param eventId the conference
	 * @param channel sms or whatsapp
	 * @return whether it works, with the check that says why
	 */
	Mono<Validation> validate(String eventId, String channel) {
		return this.configs.testConnection(eventId, channel)
			.map((checks) -> new Validation(!checks.isEmpty() && checks.stream().allMatch(ConnectionCheck::success),
					channel, checks));
	}

	/**
	 * The SMS account's balance.
	 * @param eventId the conference
	 * @return the balance (409 without an SMS account, 502 when the provider gives none)
	 */
	Mono<SmsBalances.SmsBalance> smsBalance(String eventId) {
		return this.configs.resolve(eventId).flatMap((resolved) -> this.balances.balance(resolved.settings()));
	}

	/**
	 * The answer to a validation, in the shape the ONSITE ATLAS client reads
	 * ({@code data.isValid}).
	 *
	 * @param isValid whether the provider accepted the stored credentials
	 * @param channel the channel
	 * @param checks the checks made
	 */
	record Validation(boolean isValid, String channel, List<ConnectionCheck> checks) {
	}

}
