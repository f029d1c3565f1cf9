/**
 * Reacts to cancelled registrations (their pending sends are cancelled) and purges a
 * deleted event's notification data after its retention window.
 */
package com.onsiteatlas.notification.cleanup;
