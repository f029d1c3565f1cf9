package com.onsiteatlas.gateway.auth;

/**
 * What the legacy backend says about a staff user.
 *
 * @param role the {@code User.role}, lower case
 * @param active {@code false} only if the backend reports {@code isActive: false}
 * @param name the display name, if known
 * @param email the email, if known
 */
record StaffProfile(String role, boolean active, String name, String email) {

}
