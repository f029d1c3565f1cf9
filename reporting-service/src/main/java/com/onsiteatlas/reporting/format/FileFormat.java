package com.onsiteatlas.reporting.format;

import java.util.Locale;

/**
 * The export types (docs/reporting.md) with their files.
 */
public enum FileFormat {

	EXCEL("excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
	CSV("csv", "csv", "text/csv; charset=UTF-8"), PDF("pdf", "pdf", "application/pdf");

	private final String exportType;

	private final String extension;

	private final String contentType;

	FileFormat(String exportType, String extension, String contentType) {
		this.exportType = exportType;
		this.extension = extension;
		this.contentType = contentType;
	}

	public String exportType() {
		return this.exportType;
	}

	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

	/**
	 * The format of an export type ({@code excel}, {@code xlsx}, {@code csv},
	 * {@code pdf}).
	 * @param exportType the name
	 * @return the format, or null when unknown
	 */
	public static FileFormat of(String exportType) {
		if (exportType == null) {
			return null;
		}
		return switch (exportType.toLowerCase(Locale.ROOT)) {
			case "excel", "xlsx" -> EXCEL;
			case "csv" -> CSV;
			case "pdf" -> PDF;
			default -> null;
		};
	}

}
