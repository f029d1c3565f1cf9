/**
 * The backfill command: reads ONSITE ATLAS's own MongoDB collections and publishes the
 * domain events they imply as replays, so the services' read models know the history
 * while no trigger fires for it. {@link com.onsiteatlas.legacyimport.LegacyImportCommand}
 * is the entry point, {@link com.onsiteatlas.legacyimport.LegacyImport} the run.
 */
package com.onsiteatlas.legacyimport;
