/**
 * Who is asking (staff or one registrant), the registrations and conferences this service
 * knows from its projections, and the read-only registrant routes: the organisers'
 * registrant search and a registrant's own registration with its conference's timezone.
 */
package com.onsiteatlas.lodging.registrant;
