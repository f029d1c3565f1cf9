/**
 * Per-event notification configuration (NotificationConfig of docs/notification.md and
 * the legacy whatsapp-config/sms-config shapes): secrets encrypted at rest and masked in
 * responses.
 */
package com.onsiteatlas.notification.settings;
