/**
 * The audit trail of sensitive operations a service keeps in its own database: who
 * changed or ran what, and when, never a secret value. A service names its actions with
 * its own {@link com.onsiteatlas.support.wirevalue.WireValue} enum and serves the trail
 * through {@link com.onsiteatlas.support.audit.AuditTrailResponses}.
 */
package com.onsiteatlas.support.audit;
