/**
 * {@code bin/atlas import --email-templates}: hands each conference's ONSITE ATLAS e-mail
 * templates and automatic e-mail switches to notification-service's cutover import,
 * through the gateway.
 */
package com.onsiteatlas.legacyimport.emails;
