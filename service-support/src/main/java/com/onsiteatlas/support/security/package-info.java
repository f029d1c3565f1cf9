/**
 * Who is calling: services trust only the short-lived identity token the gateway signs,
 * never plain headers.
 */
package com.onsiteatlas.support.security;
