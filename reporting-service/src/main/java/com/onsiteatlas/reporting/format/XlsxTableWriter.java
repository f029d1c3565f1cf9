package com.onsiteatlas.reporting.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.onsiteatlas.reporting.catalog.FieldType;

/**
 * XLSX through POI's streaming writer: only a window of rows is kept in memory, the rest
 * goes to a temporary file, uncompressed: compressing it cost about 40 % of the writer's
 * time for a temporary file about ten times the final file's size (docs/PERFORMANCE.md,
 * issue 14). Typed cells (numbers, dates in the requested format, booleans), a bold grey
 * header row that stays frozen, an auto-filter, widths from the header and the first
 * rows, and a new sheet once a sheet reaches Excel's row limit.
 */
final class XlsxTableWriter implements TableWriter {

	/** Excel's 1,048,576 rows less the header row. */
	static final int MAX_DATA_ROWS = 1_048_575;

	private static final int WINDOW = 100;

	private static final int WIDTH_SAMPLE = 200;

	private final SXSSFWorkbook workbook;

	private final OutputStream out;

	private final TableSpec spec;

	private final List<Column> columns;

	private final CellText cells;

	private final CellStyle header;

	private final CellStyle date;

	private final CellStyle number;

	private final int maxDataRows;

	private final int[] widths;

	private SXSSFSheet sheet;

	private int sheetCount;

	private int rowInSheet;

	XlsxTableWriter(TableSpec spec, OutputStream out, int maxDataRows) {
		this(spec, out, maxDataRows, false);
	}

	/**
	 * A writer whose temporary-file compression is chosen (WriterVariantsBenchmark
	 * measures both).
	 */
	XlsxTableWriter(TableSpec spec, OutputStream out, int maxDataRows, boolean compressTempFiles) {
		this.workbook = new SXSSFWorkbook(WINDOW);
		this.workbook.setCompressTempFiles(compressTempFiles);
		this.out = out;
		this.spec = spec;
		this.columns = spec.columns();
		this.cells = new CellText(spec.options());
		this.maxDataRows = maxDataRows;
		this.widths = new int[this.columns.size()];
		CreationHelper helper = this.workbook.getCreationHelper();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		this.header = this.workbook.createCellStyle();
		this.header.setFont(bold);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.date = this.workbook.createCellStyle();
		String dateFormat = (spec.options().dateFormat() != null) ? spec.options().dateFormat() : "yyyy-mm-dd hh:mm:ss";
		this.date.setDataFormat(helper.createDataFormat().getFormat(dateFormat));
		this.number = this.workbook.createCellStyle();
		if (spec.options().numberFormat() != null) {
			this.number.setDataFormat(helper.createDataFormat().getFormat(spec.options().numberFormat()));
		}
		for (int i = 0; i < this.columns.size(); i++) {
			this.widths[i] = Math.max(8, this.columns.get(i).header().length() + 2);
		}
		newSheet();
	}

	private void newSheet() {
		if (this.sheet != null) {
			finishSheet();
		}
		this.sheetCount++;
		String base = (this.spec.options().sheetName() != null) ? this.spec.options().sheetName() : "Export";
		String name = (this.sheetCount == 1) ? base : base + " (" + this.sheetCount + ")";
		this.sheet = this.workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
		this.rowInSheet = 0;
		if (this.spec.options().headers()) {
			Row row = this.sheet.createRow(this.rowInSheet++);
			for (int i = 0; i < this.columns.size(); i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(CellText.safe(this.columns.get(i).header()));
				cell.setCellStyle(this.header);
			}
			this.sheet.createFreezePane(0, 1);
		}
	}

	private void finishSheet() {
		int headerRows = this.spec.options().headers() ? 1 : 0;
		if (headerRows == 1 && !this.columns.isEmpty()) {
			this.sheet
				.setAutoFilter(new CellRangeAddress(0, Math.max(0, this.rowInSheet - 1), 0, this.columns.size() - 1));
		}
		for (int i = 0; i < this.columns.size(); i++) {
			this.sheet.setColumnWidth(i, Math.min(60, this.widths[i]) * 256);
		}
	}

	@Override
	public void row(Map<String, Object> values) throws IOException {
		int headerRows = this.spec.options().headers() ? 1 : 0;
		if (this.rowInSheet - headerRows >= this.maxDataRows) {
			newSheet();
		}
		boolean sample = this.rowInSheet < WIDTH_SAMPLE;
		Row row = this.sheet.createRow(this.rowInSheet++);
		for (int i = 0; i < this.columns.size(); i++) {
			Column column = this.columns.get(i);
			Object value = values.get(column.field());
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			Instant instant = CellText.instant(value);
			if (instant != null) {
				cell.setCellValue(LocalDateTime.ofInstant(instant, this.cells.zone()));
				cell.setCellStyle(this.date);
				track(sample, i, 19);
			}
			else if (value instanceof Number n && column.type() == FieldType.NUMBER) {
				cell.setCellValue(n.doubleValue());
				cell.setCellStyle(this.number);
				track(sample, i, this.cells.text(n).length());
			}
			else if (value instanceof Boolean bool) {
				cell.setCellValue(bool);
			}
			else {
				String text = CellText.safe(this.cells.text(value));
				cell.setCellValue(text);
				track(sample, i, text.length());
			}
		}
	}

	private void track(boolean sample, int column, int length) {
		if (sample) {
			this.widths[column] = Math.max(this.widths[column], length + 2);
		}
	}

	@Override
	public void image(String title, byte[] png) throws IOException {
		SXSSFSheet chart = this.workbook.createSheet(WorkbookUtil.createSafeSheetName(title));
		chart.createRow(0).createCell(0).setCellValue(CellText.safe(title));
		int picture = this.workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
		Drawing<?> drawing = chart.createDrawingPatriarch();
		ClientAnchor anchor = this.workbook.getCreationHelper().createClientAnchor();
		anchor.setCol1(0);
		anchor.setRow1(2);
		anchor.setCol2(12);
		anchor.setRow2(30);
		drawing.createPicture(anchor, picture);
	}

	@Override
	public void finish() throws IOException {
		finishSheet();
		this.workbook.write(this.out);
		this.out.flush();
	}

	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			// Closing only deletes temporary files; nothing left to report.
		}
		this.workbook.dispose();
	}

}
