package com.onsiteatlas.support.crypto;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

/**
 * The GridFS side of a {@link Rekeying} of stored files (lodging's documents, reporting's
 * export files): a file is copied under the current key into a new GridFS file whose
 * metadata carries {@value #REKEY_OF} (the original's id) until the record that owns the
 * file names the copy; then the mark is lifted and the original deleted. This class holds
 * the queries of such a run; which record owns a file, and how a file is re-encrypted,
 * stay with the service.
 */
public final class GridFsRekeyCopies {

	/** The metadata field that marks a re-encrypted copy: the original's id. */
	public static final String REKEY_OF = "rekeyOf";

	/**
	 * How old a copy no record names must be before a run takes it for an abandoned one
	 * rather than another run's in progress.
	 */
	public static final Duration ABANDONED = Duration.ofMinutes(15);

	/** Enough of a file for the stream cipher's header and its key id. */
	private static final int HEAD_BYTES = AesGcmStreamCipher.HEADER_BYTES + 1 + 32;

	private static final String FILES = "fs.files";

	private static final String MARK = "metadata." + REKEY_OF;

	private final ReactiveGridFsTemplate gridFs;

	private final ReactiveMongoTemplate mongo;

	/**
	 * The rekey queries of one GridFS bucket (the default {@code fs}).
	 * @param gridFs the bucket's template
	 * @param mongo the database's template, for metadata updates
	 */
	public GridFsRekeyCopies(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo) {
		this.gridFs = gridFs;
		this.mongo = mongo;
	}

	/**
	 * The files stored before a point, re-encrypted copies in progress left out, oldest
	 * first.
	 * @param before files with a smaller id
	 * @return the files
	 */
	public Flux<GridFSFile> findStoredBefore(ObjectId before) {
		return this.gridFs
			.find(Query.query(Criteria.where("_id").lt(before).and(MARK).exists(false)).with(Sort.by("_id")));
	}

	/**
	 * The re-encrypted copies whose record may not name them yet.
	 * @return the copies
	 */
	public Flux<GridFSFile> findCopies() {
		return this.gridFs.find(Query.query(Criteria.where(MARK).exists(true)));
	}

	/**
	 * The first bytes of a stored file as stored: enough for
	 * {@link AesGcmStreamCipher#isEncrypted} and {@link AesGcmStreamCipher#needsRekey}.
	 * @param file the file
	 * @return the bytes (fewer for a shorter file)
	 */
	public Mono<byte[]> head(GridFSFile file) {
		return this.gridFs.getResource(file)
			.flatMap((resource) -> DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(resource.getDownloadStream(), HEAD_BYTES)))
			.map((buffer) -> {
				byte[] head = new byte[Math.min(HEAD_BYTES, buffer.readableByteCount())];
				buffer.read(head);
				DataBufferUtils.release(buffer);
				return head;
			})
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * Unmarks a re-encrypted copy once its record names it.
	 * @param id the copy
	 * @return completes when done
	 */
	public Mono<Void> unmarkCopy(ObjectId id) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset(MARK), FILES)
			.then();
	}

	/**
	 * Settles a copy left by a run that stopped: finished when its record names it (the
	 * mark lifted, the original deleted), deleted when no record took it and it is older
	 * than {@link #ABANDONED}, left alone otherwise (another run's in progress).
	 * @param copy the copy, from {@link #findCopies()}
	 * @param named whether its record names it
	 * @param now the current time
	 * @return completes when done
	 */
	public Mono<Void> finishOrDrop(GridFSFile copy, Mono<Boolean> named, Instant now) {
		Object original = copy.getMetadata().get(REKEY_OF);
		return named.flatMap((taken) -> {
			if (taken) {
				return unmarkCopy(copy.getObjectId())
					.then((original instanceof ObjectId id) ? delete(id) : Mono.empty());
			}
			Instant written = copy.getUploadDate().toInstant();
			return written.isBefore(now.minus(ABANDONED)) ? delete(copy.getObjectId()) : Mono.empty();
		});
	}

	/**
	 * Deletes a stored file (an original once its copy is named, or a copy no record
	 * took).
	 * @param id the file's id
	 * @return completes when done
	 */
	public Mono<Void> delete(ObjectId id) {
		return this.gridFs.delete(Query.query(Criteria.where("_id").is(id)));
	}

}
