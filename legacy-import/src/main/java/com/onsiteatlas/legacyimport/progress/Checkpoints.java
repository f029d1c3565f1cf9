package com.onsiteatlas.legacyimport.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bson.Document;

/**
 * One file per collection (and {@code --event} filter) holding the last {@code _id} whose
 * events the broker acknowledged, as extended JSON so an ObjectId reads back as one. A
 * file is replaced atomically, so a stop at any moment leaves the previous or the next
 * checkpoint, never half of one.
 */
public final class Checkpoints {

	private final Path directory;

	private final String scope;

	/**
	 * Checkpoints of one kind of run.
	 * @param directory where the files live
	 * @param eventId the {@code --event} filter, or null for all conferences
	 */
	public Checkpoints(Path directory, String eventId) {
		this.directory = directory;
		this.scope = (eventId != null) ? "-" + eventId.replaceAll("[^A-Za-z0-9]", "_") : "";
	}

	/**
	 * The last {@code _id} processed.
	 * @param collection the collection name
	 * @return the id, null when there is no checkpoint
	 */
	public Object last(String collection) {
		Path file = file(collection);
		if (!Files.exists(file)) {
			return null;
		}
		try {
			return Document.parse(Files.readString(file, StandardCharsets.UTF_8)).get("_id");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Records the last {@code _id} processed.
	 * @param collection the collection name
	 * @param id the id
	 */
	public void save(String collection, Object id) {
		Path file = file(collection);
		try {
			Files.createDirectories(this.directory);
			Path temporary = Files.createTempFile(this.directory, collection, ".tmp");
			Files.writeString(temporary, new Document("_id", id).toJson(), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Forgets every checkpoint of this kind of run ({@code --restart}). */
	public void clear(Iterable<String> collections) {
		try {
			for (String collection : collections) {
				Files.deleteIfExists(file(collection));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path file(String collection) {
		return this.directory.resolve(collection + this.scope + ".checkpoint");
	}

}
