/**
 * A minimal service built only from service-support, used to test the shared conventions
 * once, centrally.
 */
package com.onsiteatlas.support.testapp;
