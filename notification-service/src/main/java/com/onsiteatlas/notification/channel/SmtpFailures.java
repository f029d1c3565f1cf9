package com.onsiteatlas.notification.channel;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What an SMTP error means for the dispatcher: a permanent failure (login refused, the
 * recipient or message refused with a 5xx) or a transient one (4xx, unknown host, refused
 * connection, timeout), with the code and message the delivery log shows.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	static SendFailure classify(MessagingException ex) {
		if (ex instanceof AuthenticationFailedException) {
			return new SendFailure(false, "EAUTH", "SMTP login failed: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof SMTPAddressFailedException address) {
			boolean temporary = address.getReturnCode() >= 400 && address.getReturnCode() < 500;
			return new SendFailure(temporary, "EENVELOPE", "Recipient refused: " + address.getMessage().strip(), null,
					ex);
		}
		if (ex instanceof SMTPSendFailedException send) {
			boolean temporary = send.getReturnCode() >= 400 && send.getReturnCode() < 500;
			return new SendFailure(temporary, "EMESSAGE", "SMTP server refused the message: " + rootMessage(ex), null,
					ex);
		}
		if (ex instanceof SendFailedException) {
			Exception next = ex.getNextException();
			if (next instanceof MessagingException nested && nested != ex) {
				return classify(nested);
			}
			return new SendFailure(false, "EENVELOPE", "Send failed: " + rootMessage(ex), null, ex);
		}
		Throwable root = rootCause(ex);
		if (root instanceof UnknownHostException) {
			return new SendFailure(true, "ENOTFOUND", "Unknown SMTP host: " + root.getMessage(), null, ex);
		}
		if (root instanceof ConnectException) {
			return new SendFailure(true, "ECONNREFUSED", "Cannot connect to the SMTP server: " + root.getMessage(),
					null, ex);
		}
		if (root instanceof SocketTimeoutException) {
			return new SendFailure(true, "ETIMEDOUT", "SMTP server timed out", null, ex);
		}
		return new SendFailure(true, "UNKNOWN", "SMTP failure: " + rootMessage(ex), null, ex);
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
			return rootCause(messaging.getNextException());
		}
		return current;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = rootCause(ex);
		return (root.getMessage() != null) ? root.getMessage().strip() : root.getClass().getSimpleName();
	}

}
