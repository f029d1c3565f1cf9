package com.onsiteatlas.notification.delivery;

/**
 * When a WhatsApp user last wrote to an event's number: within 24 hours free text may be
 * sent, otherwise only approved templates.
 */
final class WhatsAppSessions {

	static final String COLLECTION = "whatsapp_sessions";

	private WhatsAppSessions() {
	}

	static String key(String eventId, String phone) {
		return eventId + ":" + ((phone != null) ? phone.replaceAll("[^0-9]", "") : "");
	}

}
