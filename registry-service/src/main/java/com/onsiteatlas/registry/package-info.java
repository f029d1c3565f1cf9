/**
 * Service discovery: a single Eureka server; services register under their module name.
 */
package com.onsiteatlas.registry;
