/**
 * Room blocks: rooms contracted per hotel, room type and night, taken and given back
 * atomically by bookings, and the pickup report.
 */
package com.onsiteatlas.lodging.inventory;
