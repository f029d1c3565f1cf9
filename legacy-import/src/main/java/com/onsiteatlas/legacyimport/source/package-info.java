/**
 * Reading the legacy MongoDB: one cursor per collection in {@code _id} order (flat
 * memory), filtered by conference and resumed after a checkpoint, and the look-ups a
 * mapping needs (conference, category, registration).
 */
package com.onsiteatlas.legacyimport.source;
