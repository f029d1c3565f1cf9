package com.onsiteatlas.legacyimport;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCursor;
import org.bson.Document;

import com.onsiteatlas.domainevents.EventCodec;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.legacyimport.mapping.DocumentMapper;
import com.onsiteatlas.legacyimport.mapping.MappingResult;
import com.onsiteatlas.legacyimport.progress.Checkpoints;
import com.onsiteatlas.legacyimport.progress.ProgressReporter;
import com.onsiteatlas.legacyimport.progress.Tally;
import com.onsiteatlas.legacyimport.publish.EventSink;
import com.onsiteatlas.legacyimport.publish.PayloadSchemas;
import com.onsiteatlas.legacyimport.source.LegacyCollection;
import com.onsiteatlas.legacyimport.source.LegacySource;

/**
 * One backfill run: every collection in {@link LegacyCollection} order, each through a
 * cursor from its checkpoint on. Each document's events are encoded, checked against the
 * schemas and handed to the sink; every {@code batchSize} documents the sink is flushed
 * (the broker acknowledged everything) and only then the checkpoint moves, so a stop at
 * any moment repeats at most one batch, which consumers skip by envelope id.
 */
public final class LegacyImport {

	private final LegacySource source;

	private final DocumentMapper mapper;

	private final EventSink sink;

	private final Checkpoints checkpoints;

	private final ProgressReporter progress;

	private final ImportOptions options;

	private final EventCodec codec = new EventCodec();

	private final PayloadSchemas schemas = new PayloadSchemas();

	private final AtomicBoolean stopRequested = new AtomicBoolean();

	public LegacyImport(LegacySource source, EventSink sink, ImportOptions options, PrintStream out, Clock clock) {
		this.source = source;
		this.mapper = new DocumentMapper(source, options.timezone(), clock);
		this.sink = sink;
		this.options = options;
		this.checkpoints = new Checkpoints(options.checkpointDir(), options.eventId());
		this.progress = new ProgressReporter(out, clock, options.progressInterval());
	}

	/**
	 * Asks a running import to stop after the current document; it flushes and saves its
	 * checkpoint first (a shutdown hook calls this on Ctrl-C).
	 */
	public void requestStop() {
		this.stopRequested.set(true);
	}

	/**
	 * Runs the import.
	 * @return what it did, and whether it stopped before the end
	 */
	public Outcome run() {
		Tally tally = new Tally();
		if (this.options.restart() && !this.options.dryRun()) {
			this.checkpoints
				.clear(Arrays.stream(LegacyCollection.values()).map(LegacyCollection::collectionName).toList());
		}
		for (LegacyCollection collection : LegacyCollection.values()) {
			if (!importCollection(collection, tally)) {
				return new Outcome(tally, true);
			}
		}
		return new Outcome(tally, false);
	}

	/** Returns false when the run stopped before the collection's end. */
	private boolean importCollection(LegacyCollection collection, Tally tally) {
		String name = collection.collectionName();
		Object after = this.options.restart() ? null : this.checkpoints.last(name);
		this.progress.start(name, this.source.count(collection, after, this.options.eventId()), after);
		Object last = null;
		int sinceCheckpoint = 0;
		boolean complete = true;
		try (MongoCursor<Document> cursor = this.source.read(collection, after, this.options.eventId(),
				this.options.batchSize())) {
			while (cursor.hasNext()) {
				if (this.stopRequested.get()
						|| (this.options.limit() > 0 && tally.documents() >= this.options.limit())) {
					complete = false;
					break;
				}
				Document document = cursor.next();
				publish(this.mapper.map(collection, document), tally);
				tally.document();
				this.progress.advance();
				last = document.get("_id");
				if (++sinceCheckpoint >= this.options.batchSize()) {
					checkpoint(name, last);
					sinceCheckpoint = 0;
				}
			}
		}
		checkpoint(name, last);
		this.progress.finish();
		return complete;
	}

	private void publish(MappingResult result, Tally tally) {
		for (EventEnvelope<?> envelope : result.envelopes()) {
			byte[] encoded = this.codec.encode(envelope);
			Optional<String> problem = this.schemas.problem(encoded);
			if (problem.isPresent()) {
				tally.skipped("schema: " + problem.get());
				continue;
			}
			this.sink.send(envelope, encoded);
			tally.published(envelope.type());
		}
		result.skipped().forEach(tally::skipped);
		result.notes().forEach(tally::note);
	}

	private void checkpoint(String collection, Object last) {
		this.sink.flush();
		if (last != null && !this.options.dryRun()) {
			this.checkpoints.save(collection, last);
		}
	}

	/**
	 * The end of a run.
	 *
	 * @param tally what it read, published and skipped
	 * @param stopped true when it stopped before the end ({@code --limit} or a stop
	 * request); the next run resumes
	 */
	public record Outcome(Tally tally, boolean stopped) {
	}

}
