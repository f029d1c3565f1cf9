package com.onsiteatlas.reporting.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.itextpdf.text.DocumentException;
import com.itextpdf.text.Font;
import com.itextpdf.text.pdf.BaseFont;
import com.itextpdf.text.pdf.FontSelector;

/**
 * The embedded Unicode fonts of PDF exports (see {@code resources/fonts/README.md}): Noto
 * Sans for Latin, Greek and Cyrillic, Noto Sans Arabic, Noto Sans Devanagari, and Droid
 * Sans Fallback for CJK. A {@link FontSelector} picks, character by character, the first
 * font that has a glyph, so a name in any of these scripts is written as text instead of
 * blanks.
 */
final class PdfFonts {

	private static final String[] FILES = { "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf",
			"NotoSansDevanagari-Regular.ttf", "DroidSansFallbackFull.ttf" };

	private static volatile List<BaseFont> fonts;

	private PdfFonts() {
	}

	static List<BaseFont> fonts() {
		List<BaseFont> loaded = fonts;
		if (loaded == null) {
			synchronized (PdfFonts.class) {
				loaded = fonts;
				if (loaded == null) {
					loaded = load();
					fonts = loaded;
				}
			}
		}
		return loaded;
	}

	private static List<BaseFont> load() {
		List<BaseFont> loaded = new ArrayList<>();
		for (String file : FILES) {
			try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + file)) {
				if (in == null) {
					throw new IllegalStateException("Font /fonts/" + file + " is missing from the classpath");
				}
				loaded.add(BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(),
						null));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (DocumentException ex) {
				throw new IllegalStateException("Cannot load font " + file, ex);
			}
		}
		return List.copyOf(loaded);
	}

	static FontSelector selector(float size, int style) {
		FontSelector selector = new FontSelector();
		for (BaseFont font : fonts()) {
			selector.addFont(new Font(font, size, style));
		}
		return selector;
	}

}
