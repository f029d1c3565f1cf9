/**
 * Where organiser-supplied destinations (SMTP hosts, API base URLs, storage endpoints)
 * may point: never at loopback, private, link-local or metadata addresses, unless the
 * operator's allow-list ({@code atlas.destinations.allowed-hosts}) names them.
 */
package com.onsiteatlas.support.destination;
