package com.onsiteatlas.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Read models of the platform's events, Excel/CSV/PDF export jobs, report builder and
 * scheduled reports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportingApplication.class, args);
	}

}
