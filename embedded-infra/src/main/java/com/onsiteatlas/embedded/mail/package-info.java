/**
 * A mail catcher: an SMTP server (GreenMail) that accepts any sender, recipient and
 * credentials, keeps every mail as an {@code .eml} file and shows them on a small web
 * page and JSON API, so developers and tests can read what the services sent without a
 * real mailbox.
 */
package com.onsiteatlas.embedded.mail;
