/**
 * Plumbing shared by the business services; features never live here.
 */
package com.onsiteatlas.support;
