package com.onsiteatlas.notification.channel;

/**
 * A send the provider accepted.
 *
 * @param providerMessageId the provider's id (SMTP Message-ID, Twilio SID, WhatsApp
 * message id)
 * @param provider which provider took it
 */
public record SendResult(String providerMessageId, String provider) {
}
