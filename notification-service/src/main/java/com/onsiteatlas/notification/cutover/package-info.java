/**
 * The cutover from ONSITE ATLAS's own e-mails: imports a conference's
 * {@code Event.emailSettings} templates as notification templates and its
 * {@code automaticEmails} switches as inactive triggers, then activates them and names
 * the legacy switches to turn off, so no attendee is mailed twice.
 */
package com.onsiteatlas.notification.cutover;
