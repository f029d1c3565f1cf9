package com.onsiteatlas.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.onsiteatlas.reporting.export.ExportStatus;
import com.onsiteatlas.reporting.schedule.ScheduleRunStatus;
import com.onsiteatlas.support.wirevalue.WireValues;

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

	/**
	 * Stores the status enums as their lower-case wire values ({@code processing}), the
	 * strings documents held before the enums existed; Spring Data would store the
	 * constant names otherwise. Replaces Boot's default, which registers no converters.
	 * @return the conversions
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(WireValues.mongoConverters(ExportStatus.class, ScheduleRunStatus.class));
	}

}
