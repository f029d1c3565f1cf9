package com.onsiteatlas.readmodel.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service with nothing but the read models turned on: the projections, the Directory
 * and service-support's plumbing around them.
 */
@SpringBootApplication
public class ReadModelTestApplication {

}
