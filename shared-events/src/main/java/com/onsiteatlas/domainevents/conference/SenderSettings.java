package com.onsiteatlas.domainevents.conference;

/**
 * Who a conference's emails come from, from {@code Event.emailSettings} (never SMTP
 * credentials).
 */
public record SenderSettings(boolean enabled, String senderName, String senderEmail, String replyToEmail) {

}
