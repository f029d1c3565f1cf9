/**
 * What the operator sees and what survives a stop: progress lines at a bounded rate,
 * per-collection checkpoints, and the counts of what was published and skipped.
 */
package com.onsiteatlas.legacyimport.progress;
