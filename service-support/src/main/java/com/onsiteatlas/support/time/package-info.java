/**
 * Business time: the shared {@link java.time.Clock} bean (UTC by default, replaceable in
 * tests).
 */
package com.onsiteatlas.support.time;
