/**
 * Hotels of an event with their address, contact, images and room types.
 */
package com.onsiteatlas.lodging.hotel;
