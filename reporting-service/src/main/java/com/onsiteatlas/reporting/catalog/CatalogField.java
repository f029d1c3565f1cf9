package com.onsiteatlas.reporting.catalog;

/**
 * One field a data type offers.
 *
 * @param name the name used in configs, filters and the builder
 * @param label the default column header
 * @param type the value type
 */
public record CatalogField(String name, String label, FieldType type) {

	static CatalogField text(String name, String label) {
		return new CatalogField(name, label, FieldType.STRING);
	}

	static CatalogField number(String name, String label) {
		return new CatalogField(name, label, FieldType.NUMBER);
	}

	static CatalogField date(String name, String label) {
		return new CatalogField(name, label, FieldType.DATE);
	}

	static CatalogField bool(String name, String label) {
		return new CatalogField(name, label, FieldType.BOOLEAN);
	}

	static CatalogField list(String name, String label) {
		return new CatalogField(name, label, FieldType.LIST);
	}

}
