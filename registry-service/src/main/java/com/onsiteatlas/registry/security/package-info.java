/**
 * The registry's one account and what it protects.
 */
package com.onsiteatlas.registry.security;
