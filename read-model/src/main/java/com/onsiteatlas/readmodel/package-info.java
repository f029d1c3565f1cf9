/**
 * Local read models of the registrations and conferences that ONSITE ATLAS owns, built
 * from their domain events, so a service never calls back into another service. A service
 * turns them on with {@code atlas.projections.registrations=true} /
 * {@code atlas.projections.conferences=true}.
 */
package com.onsiteatlas.readmodel;
