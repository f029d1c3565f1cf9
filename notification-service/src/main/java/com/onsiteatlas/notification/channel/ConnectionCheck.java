package com.onsiteatlas.notification.channel;

/**
 * The outcome of a connection test.
 *
 * @param channel the channel
 * @param success whether it connected and authenticated
 * @param result what happened, as a class
 * @param message what happened in our words, naming the failing step; never the remote
 * side's own text
 */
public record ConnectionCheck(String channel, boolean success, ConnectionResult result, String message) {

	static ConnectionCheck ok(String channel, String message) {
		return new ConnectionCheck(channel, true, ConnectionResult.OK, message);
	}

	static ConnectionCheck failed(String channel, ConnectionResult result, String message) {
		return new ConnectionCheck(channel, false, result, message + " (" + result.value() + ")");
	}

}
