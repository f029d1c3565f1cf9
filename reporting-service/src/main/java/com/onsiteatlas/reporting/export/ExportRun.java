package com.onsiteatlas.reporting.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.lease.LeaseKeeper;
import com.onsiteatlas.readmodel.ConferenceView;
import com.onsiteatlas.readmodel.Directory;

/**
 * Runs one claimed export job under its heartbeat: counts its rows, writes the file on
 * the bounded-elastic scheduler, stores it and completes the job, or fails it with the
 * reason. A job that lost its lease is left to the instance that took it over.
 */
@Component
class ExportRun {

	private static final Logger logger = LoggerFactory.getLogger(ExportRun.class);

	private final ExportFileWriter writer;

	private final ExportFiles files;

	private final ExportHeartbeats heartbeats;

	private final ExportOutcomes outcomes;

	private final ExportProperties properties;

	private final ObjectProvider<Directory> directory;

	ExportRun(ExportFileWriter writer, ExportFiles files, ExportHeartbeats heartbeats, ExportOutcomes outcomes,
			ExportProperties properties, ObjectProvider<Directory> directory) {
		this.writer = writer;
		this.files = files;
		this.heartbeats = heartbeats;
		this.outcomes = outcomes;
		this.properties = properties;
		this.directory = directory;
	}

	/**
	 * Runs a job this instance has claimed.
	 * @param job the job
	 * @return completion, also when the job failed
	 */
	Mono<Void> run(ExportHistory job) {
		if (job.attempts() != null && job.attempts() > this.properties.maxAttempts()) {
			return this.outcomes.fail(job, "Gave up after " + this.properties.maxAttempts() + " attempts");
		}
		ExportHeartbeats.Heartbeat heartbeat = this.heartbeats.of(job);
		return this.writer.count(job.spec())
			.flatMap((total) -> heartbeat.total(total))
			.then(eventName(job).defaultIfEmpty(""))
			.flatMap((eventName) -> Mono
				.fromCallable(
						() -> this.writer.write(job.spec(), eventName.isEmpty() ? null : eventName, heartbeat::written))
				.subscribeOn(Schedulers.boundedElastic()))
			.flatMap((written) -> heartbeat.held()
				.then(this.files.store(job, written))
				.flatMap((fileId) -> this.outcomes.complete(job, written, fileId))
				.doFinally((signal) -> delete(written.path())))
			.onErrorResume(LeaseKeeper.LeaseLost.class, (ex) -> {
				logger.warn("Export {} abandoned: another instance took it over", job.id());
				return Mono.empty();
			})
			.onErrorResume((ex) -> this.outcomes.fail(job, message(ex)))
			.doFirst(heartbeat::start)
			.doFinally((signal) -> heartbeat.stop());
	}

	private Mono<String> eventName(ExportHistory job) {
		Directory conferences = this.directory.getIfAvailable();
		if (job.event() == null || conferences == null) {
			return Mono.empty();
		}
		return conferences.conference(job.event()).map(ConferenceView::name);
	}

	private static String message(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}", path, ex);
		}
	}

}
