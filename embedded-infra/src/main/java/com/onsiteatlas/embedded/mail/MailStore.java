package com.onsiteatlas.embedded.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;

/**
 * The captured mails: one {@code <id>.eml} file (the raw source) and one
 * {@code <id>.rcpt} file (the SMTP recipients) per mail in a directory, so captured mail
 * survives a restart. Parsed summaries are kept in memory.
 */
public final class MailStore {

	private static final String EML = ".eml";

	private static final String RCPT = ".rcpt";

	private final Path dir;

	private final TreeMap<Long, CapturedMail> mails = new TreeMap<>();

	private long lastId;

	private MailStore(Path dir) {
		this.dir = dir;
	}

	/**
	 * Opens the store, reading the mails already in the directory.
	 * @param dir the directory
	 * @return the store
	 * @throws IOException when the directory cannot be read
	 */
	public static MailStore open(Path dir) throws IOException {
		Files.createDirectories(dir);
		MailStore store = new MailStore(dir);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().endsWith(EML)).sorted().toList()) {
				store.load(file);
			}
		}
		return store;
	}

	/**
	 * Stores a mail.
	 * @param raw the RFC 822 source
	 * @param envelopeRecipients the SMTP recipients
	 * @return the stored mail
	 */
	public synchronized CapturedMail add(byte[] raw, List<String> envelopeRecipients) {
		long id = this.lastId + 1;
		CapturedMail mail;
		try {
			mail = CapturedMail.parse(id, raw, envelopeRecipients, Instant.now());
			Files.write(this.dir.resolve(name(id, RCPT)), envelopeRecipients, StandardCharsets.UTF_8);
			Files.write(this.dir.resolve(name(id, EML)), raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("Not a MIME message: " + ex.getMessage(), ex);
		}
		this.lastId = id;
		this.mails.put(id, mail);
		return mail;
	}

	/**
	 * All mails, newest first.
	 * @return the mails
	 */
	public synchronized List<CapturedMail> newestFirst() {
		List<CapturedMail> list = new ArrayList<>(this.mails.descendingMap().values());
		return Collections.unmodifiableList(list);
	}

	public synchronized Optional<CapturedMail> find(long id) {
		return Optional.ofNullable(this.mails.get(id));
	}

	/**
	 * The raw source of a mail.
	 * @param id the mail id
	 * @return the bytes, empty when there is no such mail
	 */
	public synchronized Optional<byte[]> raw(long id) {
		if (!this.mails.containsKey(id)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readAllBytes(this.dir.resolve(name(id, EML))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The decoded bytes of one attachment.
	 * @param id the mail id
	 * @param index the attachment index
	 * @return the bytes, empty when there is no such mail or attachment
	 */
	public Optional<byte[]> attachment(long id, int index) {
		Optional<byte[]> raw = raw(id);
		if (raw.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(CapturedMail.attachmentBytes(raw.get(), index));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Deletes every mail. Ids keep increasing while the catcher runs, so a client never
	 * confuses a new mail with a purged one.
	 * @return how many mails were deleted
	 */
	public synchronized int purge() {
		int count = this.mails.size();
		for (Long id : this.mails.keySet()) {
			try {
				Files.deleteIfExists(this.dir.resolve(name(id, EML)));
				Files.deleteIfExists(this.dir.resolve(name(id, RCPT)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.mails.clear();
		return count;
	}

	private void load(Path file) throws IOException {
		String fileName = file.getFileName().toString();
		long id;
		try {
			id = Long.parseLong(fileName.substring(0, fileName.length() - EML.length()));
		}
		catch (NumberFormatException ex) {
			return;
		}
		Path rcpt = this.dir.resolve(name(id, RCPT));
		List<String> recipients = Files.exists(rcpt) ? Files.readAllLines(rcpt, StandardCharsets.UTF_8) : List.of();
		try {
			this.mails.put(id, CapturedMail.parse(id, Files.readAllBytes(file), recipients,
					Files.getLastModifiedTime(file).toInstant()));
		}
		catch (MessagingException ex) {
			// A file that is not a mail (edited by hand): skip it rather than refuse to
			// start.
			return;
		}
		this.lastId = Math.max(this.lastId, id);
	}

	private static String name(long id, String extension) {
		return String.format("%08d%s", id, extension);
	}

}
