/**
 * The hotel feature of lodging-travel-service.
 */
package com.onsiteatlas.lodging.hotel;
