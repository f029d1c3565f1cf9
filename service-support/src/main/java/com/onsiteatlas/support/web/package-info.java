/**
 * The HTTP conventions of ONSITE ATLAS: the {@code {success, message, data}} envelope,
 * JSON errors with the status as the authority, and ObjectId path checks.
 */
package com.onsiteatlas.support.web;
