/**
 * Abstract submission and review events published by ONSITE ATLAS on
 * {@code atlas.abstracts}, keyed by abstract id.
 */
package com.onsiteatlas.domainevents.abstracts;
