package com.onsiteatlas.lodging.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes a client's file name safe to store and to send back in
 * {@code Content-Disposition}: no directories, no control or shell characters, no leading
 * dots, at most 100 characters, and the extension of the detected type.
 */
final class FileNames {

	private static final int MAX_LENGTH = 100;

	private FileNames() {
	}

	static String sanitise(String original, FileKind kind) {
		String name = (original != null) ? original : "";
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		name = name.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("\\.{2,}", ".").trim();
		name = name.replaceAll("^[.\\s_-]+", "");
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
		boolean matches = extension.equals(kind.extension()) || (kind == FileKind.JPEG && extension.equals(".jpeg"));
		if (!matches) {
			base = name;
			extension = kind.extension();
		}
		if (base.isBlank()) {
			base = "document";
		}
		int room = MAX_LENGTH - extension.length();
		if (base.length() > room) {
			base = base.substring(0, room);
		}
		return base + extension;
	}

}
