/**
 * lodging-travel-service: one package per feature; plumbing comes from service-support.
 */
package com.onsiteatlas.lodging;
