/**
 * Who is asking (staff or one registrant) and the registrations and conferences this
 * service knows from its projections.
 */
package com.onsiteatlas.lodging.registrant;
