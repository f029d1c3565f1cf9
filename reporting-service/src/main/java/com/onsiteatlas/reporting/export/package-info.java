/**
 * The export feature of reporting-service.
 */
package com.onsiteatlas.reporting.export;
