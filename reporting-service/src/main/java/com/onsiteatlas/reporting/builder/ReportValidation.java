package com.onsiteatlas.reporting.builder;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.CatalogField;
import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.catalog.FieldType;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.support.web.ApiException;

/**
 * Checks report definitions against the catalog: fields, groups, metrics, chart type,
 * filters and sorts; a 400 naming what is wrong otherwise.
 */
@Component
class ReportValidation {

	private static final Set<String> METRICS = Set.of("count", "sum", "avg", "min", "max");

	private static final Set<String> CHARTS = Set.of("bar", "line", "pie");

	private final FieldCatalog catalog;

	private final RowService rows;

	ReportValidation(FieldCatalog catalog, RowService rows) {
		this.catalog = catalog;
		this.rows = rows;
	}

	/**
	 * Checks a definition against the catalog; 400 otherwise.
	 * @param definition the report
	 * @return its data source
	 */
	DataSource validate(ReportDefinition definition) {
		DataSource source = this.catalog.source(definition.dataType());
		this.catalog.requireFields(source, definition.fields(), "fields");
		if (definition.groupBy().size() > 2) {
			throw ApiException.badRequest("groupBy takes one or two fields");
		}
		this.catalog.requireQueryable(source, definition.groupBy(), "groupBy");
		for (Metric metric : definition.metrics()) {
			requireMetric(source, metric);
		}
		if (definition.chartType() != null && !CHARTS.contains(definition.chartType())) {
			throw ApiException.badRequest("chartType must be one of bar, line, pie");
		}
		if (!definition.grouped()) {
			this.rows
				.validate(new RowQuery(source, null, definition.filters(), definition.sorts(), definition.dateRange()));
		}
		else {
			this.rows.validate(new RowQuery(source, null, definition.filters(), List.of(), definition.dateRange()));
		}
		return source;
	}

	private static void requireMetric(DataSource source, Metric metric) {
		if (metric.type() == null || !METRICS.contains(metric.type())) {
			throw ApiException.badRequest("Metric type must be one of count, sum, avg, min, max");
		}
		if (!"count".equals(metric.type())) {
			CatalogField field = (metric.field() != null && source.storedField(metric.field()) != null)
					? source.field(metric.field()) : null;
			if (field == null || (field.type() != FieldType.NUMBER && field.type() != FieldType.DATE)) {
				throw ApiException.badRequest("Metric " + metric.type() + " needs a number or date field of "
						+ source.name() + "; numeric fields: "
						+ String.join(", ",
								source.fields()
									.stream()
									.filter((f) -> f.type() == FieldType.NUMBER)
									.filter((f) -> source.storedField(f.name()) != null)
									.map(CatalogField::name)
									.toList()));
			}
		}
	}

}
