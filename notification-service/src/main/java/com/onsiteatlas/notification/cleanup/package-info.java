/**
 * Reacts to cancelled registrations and deleted events: pending sends are cancelled and a
 * deleted event's notification data is removed.
 */
package com.onsiteatlas.notification.cleanup;
