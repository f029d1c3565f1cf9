/**
 * Payment events published by ONSITE ATLAS on {@code atlas.payments}, keyed by the paying
 * registration's id.
 */
package com.onsiteatlas.domainevents.payment;
