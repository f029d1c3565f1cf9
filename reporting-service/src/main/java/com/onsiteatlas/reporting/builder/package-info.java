/**
 * The report builder: previews in the shape ONSITE ATLAS's ReportBuilder page expects,
 * grouping with metrics, charts, and the ready-made report templates.
 */
package com.onsiteatlas.reporting.builder;
