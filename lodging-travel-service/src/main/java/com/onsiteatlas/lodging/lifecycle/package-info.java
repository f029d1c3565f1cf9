/**
 * Reactions to platform events: cancelled registrations flag their pending bookings,
 * updated registrations refresh names, deleted events take their lodging data with them
 * once their retention window ended.
 */
package com.onsiteatlas.lodging.lifecycle;
