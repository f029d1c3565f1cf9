/**
 * On-site resource scan events (meals, kit bags, certificates) published by ONSITE ATLAS
 * on {@code atlas.resources}.
 */
package com.onsiteatlas.domainevents.resource;
