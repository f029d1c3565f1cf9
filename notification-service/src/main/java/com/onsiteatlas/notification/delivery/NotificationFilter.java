package com.onsiteatlas.notification.delivery;

import java.time.Instant;

/**
 * Filters of the delivery log.
 *
 * @param channel channel
 * @param status status
 * @param trigger trigger id
 * @param template template id
 * @param registration registration {@code _id}
 * @param from created at or after
 * @param to created at or before
 * @param search text in recipient, subject or registration id
 * @param batch the batch (a bulk send or manual trigger) the notification belongs to
 */
record NotificationFilter(String channel, NotificationStatus status, String trigger, String template,
		String registration, Instant from, Instant to, String search, String batch) {
}
