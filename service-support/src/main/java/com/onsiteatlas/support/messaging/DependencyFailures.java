package com.onsiteatlas.support.messaging;

import java.util.concurrent.TimeoutException;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the event from a failure of what handling it needs: a database or
 * broker that is down or too slow says nothing about the event, so such a record is
 * retried until the dependency is back instead of being dead-lettered after a few
 * attempts. A handler that does not finish in time is neither: it is retried a bounded
 * number of times, then dead-lettered ({@link HandlerTimeoutException}).
 */
final class DependencyFailures {

	private DependencyFailures() {
	}

	/**
	 * Whether the failure, or one of its causes, means a dependency is unavailable.
	 * @param failure what the handler threw
	 * @return true for database timeouts, connection failures and other timeouts, false
	 * for a handler timeout
	 */
	static boolean isUnavailable(Throwable failure) {
		if (isHandlerTimeout(failure)) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
					|| cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure, or one of its causes, is a handler that did not finish in
	 * time.
	 * @param failure what the handling threw
	 * @return true for a {@link HandlerTimeoutException}
	 */
	static boolean isHandlerTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof HandlerTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
