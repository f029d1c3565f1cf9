package com.onsiteatlas.notification.delivery;

import java.util.Map;

/**
 * A conference's Twilio account on the WireMock stand-in ({@code PROVIDERS}): the SMS
 * settings that point a conference at it and the paths Twilio's API is called on.
 */
final class TwilioStandIn {

	static final String AUTH_TOKEN = "twilio-secret";

	static final String FROM = "+15550000001";

	private TwilioStandIn() {
	}

	/**
	 * The stand-in account of a conference.
	 * @param eventId the conference
	 * @return an account SID unique to it
	 */
	static String accountSid(String eventId) {
		return "AC" + eventId;
	}

	/**
	 * The {@code sms} part of a notification-config PUT that sends through the account.
	 * @param accountSid the account
	 * @return the settings
	 */
	static Map<String, Object> smsSettings(String accountSid) {
		return Map.of("enabled", true, "provider", "twilio", "config",
				Map.of("accountSid", accountSid, "authToken", AUTH_TOKEN, "fromNumber", FROM));
	}

	static String accountPath(String accountSid) {
		return "/2010-04-01/Accounts/" + accountSid + ".json";
	}

	static String messagesPath(String accountSid) {
		return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
	}

	static String balancePath(String accountSid) {
		return "/2010-04-01/Accounts/" + accountSid + "/Balance.json";
	}

}
