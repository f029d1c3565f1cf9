package com.onsiteatlas.reporting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.onsiteatlas.reporting.export.ExportStatus;
import com.onsiteatlas.reporting.schedule.ScheduleRunStatus;

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
		List<Converter<?, ?>> converters = new ArrayList<>(ExportStatus.mongoConverters());
		converters.addAll(ScheduleRunStatus.mongoConverters());
		return new MongoCustomConversions(converters);
	}

}
