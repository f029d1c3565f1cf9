package com.onsiteatlas.domainevents;

/** A conference venue, as in ONSITE ATLAS {@code Event.venue}. */
public record Venue(String name, String address, String city, String state, String country, String zipCode) {

}
