package com.onsiteatlas.embedded.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;

/**
 * GreenMail's SMTP server with authentication disabled (any user name and password is
 * accepted, and so is any recipient), plus the web UI. Each mail is captured once,
 * however many recipients it has.
 */
public final class MailCatcher implements AutoCloseable {

	private final GreenMail greenMail;

	private final MailWebServer web;

	private final String host;

	private final int smtpPort;

	private MailCatcher(GreenMail greenMail, MailWebServer web, String host, int smtpPort) {
		this.greenMail = greenMail;
		this.web = web;
		this.host = host;
		this.smtpPort = smtpPort;
	}

	/**
	 * Starts the SMTP server and the web UI.
	 * @param dir where captured mails are stored
	 * @param host the address to bind to
	 * @param smtpPort the SMTP port
	 * @param webPort the web UI port
	 * @return the running catcher
	 * @throws IOException when the store or the web server cannot be opened
	 */
	public static MailCatcher start(Path dir, String host, int smtpPort, int webPort) throws IOException {
		MailStore store = MailStore.open(dir);
		GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
		greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		greenMail.getUserManager().setMessageDeliveryHandler(new CapturingDeliveryHandler(store));
		MailWebServer web;
		try {
			web = MailWebServer.start(store, new InetSocketAddress(host, webPort));
		}
		catch (IOException | RuntimeException ex) {
			greenMail.stop();
			throw ex;
		}
		return new MailCatcher(greenMail, web, host, smtpPort);
	}

	public String smtpAddress() {
		return this.host + ":" + this.smtpPort;
	}

	public String webUrl() {
		return this.web.url();
	}

	@Override
	public void close() {
		this.web.close();
		this.greenMail.stop();
	}

	/**
	 * GreenMail calls the delivery handler once per recipient with the same message
	 * object; the first call captures the mail. Nothing is delivered to GreenMail's own
	 * mailboxes: nothing reads them (the catcher serves SMTP only, and the web UI reads
	 * the {@link MailStore}), and creating one per recipient made every mail cost a
	 * search through all the recipients so far.
	 */
	private static final class CapturingDeliveryHandler implements MessageDeliveryHandler {

		private final MailStore store;

		private MovingMessage lastCaptured;

		CapturingDeliveryHandler(MailStore store) {
			this.store = store;
		}

		@Override
		public synchronized com.icegreen.greenmail.user.GreenMailUser handle(MovingMessage message,
				MailAddress recipient) throws MessagingException, com.icegreen.greenmail.user.UserException {
			if (message != this.lastCaptured) {
				this.lastCaptured = message;
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				try {
					message.getMessage().writeTo(raw);
				}
				catch (IOException ex) {
					throw new MessagingException("Cannot read the incoming mail", ex);
				}
				List<String> recipients = message.getToAddresses()
					.stream()
					.map(MailAddress::getEmail)
					.sorted()
					.toList();
				this.store.add(raw.toByteArray(), recipients);
			}
			return new CapturedRecipient(recipient.getEmail());
		}

	}

}
