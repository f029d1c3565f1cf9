/**
 * Registration lifecycle events published by ONSITE ATLAS on {@code atlas.registrations},
 * keyed by registration id.
 */
package com.onsiteatlas.domainevents.registration;
