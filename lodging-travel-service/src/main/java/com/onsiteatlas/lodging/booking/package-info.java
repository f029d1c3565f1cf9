/**
 * Hotel bookings of registrations: the spec's CRUD, the status lifecycle, room-block
 * holds, booking confirmations and the events that tell the platform.
 */
package com.onsiteatlas.lodging.booking;
