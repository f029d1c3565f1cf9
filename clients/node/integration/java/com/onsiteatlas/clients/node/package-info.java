/**
 * The Java side of the Node producer library's contract test: one event of every type
 * ONSITE ATLAS produces, published by the library to a real broker and read back with the
 * shared-events codec.
 */
package com.onsiteatlas.clients.node;
