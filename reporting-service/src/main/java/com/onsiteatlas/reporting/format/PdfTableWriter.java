package com.onsiteatlas.reporting.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.itextpdf.text.BaseColor;
import com.itextpdf.text.Document;
import com.itextpdf.text.DocumentException;
import com.itextpdf.text.Element;
import com.itextpdf.text.Font;
import com.itextpdf.text.Image;
import com.itextpdf.text.PageSize;
import com.itextpdf.text.Paragraph;
import com.itextpdf.text.Phrase;
import com.itextpdf.text.Rectangle;
import com.itextpdf.text.pdf.ColumnText;
import com.itextpdf.text.pdf.FontSelector;
import com.itextpdf.text.pdf.PdfPCell;
import com.itextpdf.text.pdf.PdfPTable;
import com.itextpdf.text.pdf.PdfPageEventHelper;
import com.itextpdf.text.pdf.PdfWriter;

/**
 * A PDF report with iText 5: title, event, filters and generation time, then a table
 * whose header row repeats on every page, page numbers in the footer, landscape pages
 * when there are many columns. The table is flushed to the document every few hundred
 * rows (iText's large-table mode), so memory stays flat.
 */
final class PdfTableWriter implements TableWriter {

	private static final int FLUSH_EVERY = 200;

	private static final int LANDSCAPE_FROM_COLUMNS = 7;

	private final Document document;

	private final PdfWriter writer;

	private final List<Column> columns;

	private final CellText cells;

	private final FontSelector body;

	private PdfPTable table;

	private int pending;

	PdfTableWriter(TableSpec spec, OutputStream out) throws IOException {
		this.columns = spec.columns();
		this.cells = new CellText(spec.options());
		Rectangle page = (this.columns.size() >= LANDSCAPE_FROM_COLUMNS) ? PageSize.A4.rotate() : PageSize.A4;
		this.document = new Document(page, 28, 28, 36, 36);
		try {
			this.writer = PdfWriter.getInstance(this.document, out);
			this.writer.setCloseStream(false);
			this.writer.setPageEvent(new PageNumbers());
			this.document.open();
			this.body = PdfFonts.selector(8, Font.NORMAL);
			this.document.add(new Paragraph(PdfFonts.selector(16, Font.BOLD).process(spec.title())));
			FontSelector meta = PdfFonts.selector(9, Font.NORMAL);
			if (spec.eventName() != null) {
				this.document.add(new Paragraph(meta.process("Event: " + spec.eventName())));
			}
			this.document.add(new Paragraph(meta.process("Filters: "
					+ ((spec.filtersText() == null || spec.filtersText().isBlank()) ? "none" : spec.filtersText()))));
			this.document.add(new Paragraph(
					meta.process("Generated at: " + DateTimeFormatter.ISO_INSTANT.format(spec.generatedAt()))));
			this.document.add(new Paragraph(" "));
			this.table = newTable(spec);
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
	}

	private PdfPTable newTable(TableSpec spec) {
		PdfPTable pdfTable = new PdfPTable(Math.max(1, this.columns.size()));
		pdfTable.setWidthPercentage(100);
		pdfTable.setComplete(false);
		if (spec.options().headers()) {
			FontSelector headerFont = PdfFonts.selector(8, Font.BOLD);
			for (Column column : this.columns) {
				PdfPCell cell = new PdfPCell(headerFont.process(column.header()));
				cell.setBackgroundColor(BaseColor.LIGHT_GRAY);
				pdfTable.addCell(cell);
			}
			pdfTable.setHeaderRows(1);
		}
		return pdfTable;
	}

	@Override
	public void row(Map<String, Object> values) throws IOException {
		for (Column column : this.columns) {
			String text = this.cells.text(values.get(column.field()));
			PdfPCell cell = new PdfPCell(this.body.process(text));
			if (rightToLeft(text)) {
				// iText shapes Arabic only in right-to-left runs.
				cell.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
			}
			this.table.addCell(cell);
		}
		if (++this.pending >= FLUSH_EVERY) {
			flush();
		}
	}

	private static boolean rightToLeft(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u0600' && c <= '\u06FF') {
				return true;
			}
		}
		return false;
	}

	private void flush() throws IOException {
		try {
			this.document.add(this.table);
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
		this.pending = 0;
	}

	@Override
	public void image(String title, byte[] png) throws IOException {
		try {
			this.table.setComplete(true);
			flush();
			this.document.newPage();
			this.document.add(new Paragraph(PdfFonts.selector(12, Font.BOLD).process(title)));
			Image image = Image.getInstance(png);
			image.scaleToFit(this.document.getPageSize().getWidth() - 60,
					this.document.getPageSize().getHeight() - 120);
			this.document.add(image);
		}
		catch (DocumentException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void finish() throws IOException {
		if (!this.table.isComplete()) {
			this.table.setComplete(true);
			flush();
		}
		this.document.close();
	}

	@Override
	public void close() {
		if (this.document.isOpen()) {
			this.document.close();
		}
	}

	/** Writes "Page n" at the bottom of each page. */
	private static final class PageNumbers extends PdfPageEventHelper {

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			Phrase phrase = new Phrase("Page " + writer.getPageNumber(), new Font(PdfFonts.fonts().get(0), 8));
			ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, phrase,
					(document.right() + document.left()) / 2, document.bottom() - 18, 0);
		}

	}

}
