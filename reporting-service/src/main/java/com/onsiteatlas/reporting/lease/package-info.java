/**
 * Leases on work that several instances may claim (export jobs, schedule runs): a timer
 * that keeps the lease while this instance works and tells when it went to another.
 */
package com.onsiteatlas.reporting.lease;
