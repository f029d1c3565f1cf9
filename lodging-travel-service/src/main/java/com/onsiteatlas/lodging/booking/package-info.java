/**
 * Hotel bookings of registrations: the CRUD of docs/lodging-travel.md, the status
 * lifecycle, room-block holds, booking confirmations and the events that tell the
 * platform.
 */
package com.onsiteatlas.lodging.booking;
