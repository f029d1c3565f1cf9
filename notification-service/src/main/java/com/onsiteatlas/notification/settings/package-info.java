/**
 * Per-event notification configuration (the spec's NotificationConfig and the legacy
 * whatsapp-config/sms-config shapes): secrets encrypted at rest and masked in responses.
 */
package com.onsiteatlas.notification.settings;
