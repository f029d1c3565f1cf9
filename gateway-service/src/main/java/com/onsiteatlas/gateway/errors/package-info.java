/**
 * Writes every gateway-generated error as ONSITE ATLAS's {@code {success:false, message}}
 * JSON body.
 */
package com.onsiteatlas.gateway.errors;
