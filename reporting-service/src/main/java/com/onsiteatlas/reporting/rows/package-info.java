/**
 * Queries over the read model in catalog terms: filters with the report builder's
 * operators, sorts and date ranges, streamed without loading everything into memory.
 */
package com.onsiteatlas.reporting.rows;
