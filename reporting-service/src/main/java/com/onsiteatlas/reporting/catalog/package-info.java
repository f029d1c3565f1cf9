/**
 * The field catalog of every data type: which fields exports, filters and the report
 * builder may use, with their labels and types.
 */
package com.onsiteatlas.reporting.catalog;
