/**
 * The audit log of who uploaded, downloaded or deleted which stored document, and when.
 */
package com.onsiteatlas.lodging.audit;
