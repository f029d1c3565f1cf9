/**
 * Background work: the one periodic worker that every polling loop of a service runs its
 * step on.
 */
package com.onsiteatlas.support.worker;
