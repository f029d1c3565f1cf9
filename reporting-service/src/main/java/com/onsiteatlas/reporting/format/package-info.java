/**
 * Streaming file writers (XLSX, CSV, PDF) and chart rendering; they know columns and
 * values, nothing about features.
 */
package com.onsiteatlas.reporting.format;
