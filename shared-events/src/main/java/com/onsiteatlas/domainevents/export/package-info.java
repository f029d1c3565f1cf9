/**
 * Export job outcome events published by reporting-service on {@code atlas.exports},
 * keyed by export id.
 */
package com.onsiteatlas.domainevents.export;
