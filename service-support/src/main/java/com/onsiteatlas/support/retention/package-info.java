/**
 * Soft deletion of a conference: event-deleted leaves a tombstone that hides the
 * conference and stops its side effects at once, an operator may restore it within the
 * retention window, and a periodic pass purges its data with each service's
 * {@link com.onsiteatlas.support.retention.ConferencePurge} after the window.
 */
package com.onsiteatlas.support.retention;
