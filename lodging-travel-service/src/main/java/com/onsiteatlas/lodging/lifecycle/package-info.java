/**
 * Reactions to platform events: cancelled registrations flag their pending bookings,
 * updated registrations refresh names, deleted events take their lodging data with them.
 */
package com.onsiteatlas.lodging.lifecycle;
