/**
 * From legacy mongoose documents to the contract's payload records, with the same rules
 * as the Node producer library ({@code clients/node/src/snapshots.ts} and helpers): what
 * cannot be mapped is skipped with a counted reason, never a crash.
 */
package com.onsiteatlas.legacyimport.mapping;
