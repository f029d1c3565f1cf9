package com.onsiteatlas.domainevents;

/**
 * Names jakarta.mail's {@code StreamProvider} implementation for every part of the
 * platform that makes mail sessions (notification-service, reporting-service and the
 * embedded mail catcher). It lives here because this is the one module they all depend
 * on; it names the class by string so that the contract module needs no mail dependency.
 */
public final class JakartaMailProvider {

	static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	static final String IMPLEMENTATION = "org.eclipse.angus.mail.util.MailStreamProvider";

	private JakartaMailProvider() {
	}

	/**
	 * Sets the {@code jakarta.mail.util.StreamProvider} system property to Angus Mail's
	 * implementation unless it is already set. Call it before the first
	 * {@code jakarta.mail.Session} is made.
	 */
	public static void nameStreamProvider() {
		// jakarta.mail finds its StreamProvider with a ServiceLoader scan of the class
		// path for every Session (jakartaee/mail-api#699); naming the implementation
		// skips the scan (docs/PERFORMANCE.md, "Event → SMTP latency").
		System.getProperties().putIfAbsent(PROPERTY, IMPLEMENTATION);
	}

}
