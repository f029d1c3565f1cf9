package com.onsiteatlas.notification.channel;

/**
 * The outcome of a connection test.
 *
 * @param channel the channel
 * @param success whether it connected and authenticated
 * @param message what happened, naming the failing step
 */
public record ConnectionCheck(String channel, boolean success, String message) {
}
