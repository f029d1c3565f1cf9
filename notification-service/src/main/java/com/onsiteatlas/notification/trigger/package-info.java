/**
 * Notification triggers: event triggers fed by the domain events, scheduled (one-time and
 * recurring) triggers and manual triggers, with their conditions.
 */
package com.onsiteatlas.notification.trigger;
