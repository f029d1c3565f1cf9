/**
 * The delivery log and its guarantees: every send is recorded as a pending Notification
 * under a unique key, then dispatched asynchronously with leases, retries, pacing and
 * circuit breakers; provider callbacks and unsubscribes update it.
 */
package com.onsiteatlas.notification.delivery;
