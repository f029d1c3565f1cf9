package com.onsiteatlas.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-route security matrix as written in {@code docs/security.md}: one markdown
 * table per service, introduced by a {@code <!-- matrix:<service> -->} marker, whose
 * first column is a route ({@code `GET /api/...`}) and whose other columns are callers; a
 * cell is the expected HTTP status, or {@code -} where the caller does not apply (no id
 * of another event can be put in that route's path).
 */
final class SecurityMatrixDoc {

	private static final Pattern MARKER = Pattern.compile("<!-- matrix:([a-z-]+) -->");

	/** Expected status per service, route ({@code METHOD /path}) and caller column. */
	final Map<String, Map<String, Map<String, Integer>>> services = new LinkedHashMap<>();

	static SecurityMatrixDoc read(Path file) {
		try {
			return parse(Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SecurityMatrixDoc parse(List<String> lines) {
		SecurityMatrixDoc doc = new SecurityMatrixDoc();
		for (int i = 0; i < lines.size(); i++) {
			Matcher marker = MARKER.matcher(lines.get(i).trim());
			if (!marker.matches()) {
				continue;
			}
			Map<String, Map<String, Integer>> routes = new LinkedHashMap<>();
			doc.services.put(marker.group(1), routes);
			int at = i + 1;
			while (at < lines.size() && !lines.get(at).startsWith("|")) {
				at++;
			}
			List<String> columns = cells(lines.get(at));
			at += 2;
			for (; at < lines.size() && lines.get(at).startsWith("|"); at++) {
				List<String> row = cells(lines.get(at));
				if (row.size() != columns.size()) {
					throw new IllegalStateException("docs/security.md line " + (at + 1) + " has " + row.size()
							+ " cells, its header " + columns.size());
				}
				String route = row.get(0).replace("`", "").trim();
				Map<String, Integer> expected = new LinkedHashMap<>();
				for (int c = 1; c < row.size(); c++) {
					String cell = row.get(c).trim();
					if (!cell.equals("-")) {
						expected.put(columns.get(c), Integer.parseInt(cell));
					}
				}
				if (routes.put(route, expected) != null) {
					throw new IllegalStateException("docs/security.md lists " + route + " twice");
				}
			}
			i = at;
		}
		return doc;
	}

	private static List<String> cells(String line) {
		String trimmed = line.trim();
		String inner = trimmed.substring(1, trimmed.length() - (trimmed.endsWith("|") ? 1 : 0));
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|", -1)) {
			cells.add(cell.trim());
		}
		return cells;
	}

}
