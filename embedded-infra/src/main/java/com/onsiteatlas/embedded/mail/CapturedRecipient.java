package com.onsiteatlas.embedded.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The recipient GreenMail delivers a mail to once {@link MailCatcher} has captured it: no
 * account and no mailbox, so delivering is a no-op.
 */
final class CapturedRecipient implements GreenMailUser {

	private final String email;

	CapturedRecipient(String email) {
		this.email = email;
	}

	@Override
	public String getEmail() {
		return this.email;
	}

	@Override
	public String getLogin() {
		return this.email;
	}

	@Override
	public void deliver(MovingMessage message) {
		// Captured already (MailCatcher).
	}

	@Override
	public void deliver(MimeMessage message) {
		// Captured already (MailCatcher).
	}

	@Override
	public void create() {
		// No mailbox to create.
	}

	@Override
	public void delete() {
		// No mailbox to delete.
	}

	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public void setPassword(String password) {
		throw new UnsupportedOperationException("The mail catcher has no accounts");
	}

	@Override
	public void authenticate(String password) {
		// Authentication is disabled: any login is accepted.
	}

	@Override
	public String getQualifiedMailboxName() {
		return this.email;
	}

}
