package com.onsiteatlas.reporting.builder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report file written to a temporary file, so that its size does not live in memory.
 * The caller sends or stores it and then deletes it.
 *
 * @param path the temporary file
 * @param rows table rows written
 * @param size bytes
 */
public record RenderedFile(Path path, long rows, long size) {

	/**
	 * Deletes the temporary file.
	 */
	public void delete() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
