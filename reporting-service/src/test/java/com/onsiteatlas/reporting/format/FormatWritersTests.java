package com.onsiteatlas.reporting.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.onsiteatlas.reporting.catalog.FieldType;

import static org.assertj.core.api.Assertions.assertThat;

class FormatWritersTests {

	private static TableSpec spec(ExportOptions options) {
		return new TableSpec("Test", "Congress", "", Instant.now(),
				List.of(new Column("name", "Name", FieldType.STRING), new Column("n", "N", FieldType.NUMBER),
						new Column("at", "At", FieldType.DATE)),
				options);
	}

	@Test
	void continuesOnANewSheetPastTheRowLimit() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxTableWriter writer = new XlsxTableWriter(spec(ExportOptions.defaults()), out, 3)) {
			for (int i = 0; i < 7; i++) {
				writer.row(Map.of("name", "row" + i, "n", i, "at", new Date()));
			}
			writer.finish();
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
			assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
			assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row3");
			assertThat(workbook.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("row6");
		}
	}

	@Test
	void writesCsvWithBomCrlfAndNeutralisedFormulaCells() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExportOptions options = new ExportOptions(null, true, Map.of(), null, "#,##0.00", null, true);
		try (TableWriter writer = TableWriter.open(FileFormat.CSV, spec(options), out)) {
			writer.row(Map.of("name", "+1 555", "n", -12.5, "at", Date.from(Instant.parse("2026-01-02T03:04:05Z"))));
			writer.row(Map.of("name", "@SUM(A1)\nline", "n", 1234567));
			writer.row(Map.of("name", "\tTab", "n", 0));
			writer.row(Map.of("name", "-2+3", "n", 1));
			writer.finish();
		}
		String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFName,N,At\r\n");
		assertThat(csv).contains("'+1 555,-12.50,2026-01-02T03:04:05Z\r\n");
		assertThat(csv).contains("\"'@SUM(A1)\nline\",\"1,234,567.00\",\r\n");
		assertThat(csv).contains("'\tTab,0.00,\r\n");
		assertThat(csv).contains("'-2+3,1.00,\r\n");
	}

	@Test
	void neutralisesOnlyDangerousLeadingCharacters() {
		assertThat(CellText.safe("=1+2")).isEqualTo("'=1+2");
		assertThat(CellText.safe("\rx")).isEqualTo("'\rx");
		assertThat(CellText.safe("Priya = Sharma")).isEqualTo("Priya = Sharma");
		assertThat(CellText.safe("")).isEmpty();
	}

}
