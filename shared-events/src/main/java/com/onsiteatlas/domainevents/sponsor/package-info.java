/**
 * Sponsor events published by ONSITE ATLAS on {@code atlas.sponsors}, keyed by sponsor
 * id.
 */
package com.onsiteatlas.domainevents.sponsor;
