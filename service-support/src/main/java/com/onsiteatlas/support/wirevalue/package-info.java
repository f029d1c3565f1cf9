/**
 * Enums whose constants travel as lower-case strings ({@code checked-in}) in JSON and in
 * stored documents: {@link com.onsiteatlas.support.wirevalue.WireValue} and the parsing
 * and MongoDB conversions every such enum shares.
 */
package com.onsiteatlas.support.wirevalue;
