/**
 * The application the read-model tests run.
 */
package com.onsiteatlas.readmodel.testapp;
