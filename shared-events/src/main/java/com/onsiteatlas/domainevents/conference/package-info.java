/**
 * Conference (ONSITE ATLAS {@code Event}) lifecycle events on {@code atlas.events}, keyed
 * by conference id.
 */
package com.onsiteatlas.domainevents.conference;
