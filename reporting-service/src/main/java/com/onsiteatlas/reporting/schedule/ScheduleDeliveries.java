package com.onsiteatlas.reporting.schedule;

import java.nio.file.Files;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.builder.RenderedFile;
import com.onsiteatlas.reporting.delivery.CloudDelivery;
import com.onsiteatlas.reporting.delivery.MailDelivery;
import com.onsiteatlas.reporting.delivery.ReportFile;
import com.onsiteatlas.reporting.export.ExportHistory;
import com.onsiteatlas.reporting.export.ExportService;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.schedule.ScheduledReports.ScheduledReport;

/**
 * Sends a run's file where its schedule says: by e-mail (attached below the size limit,
 * linked above it), to cloud storage, or kept in the export history for download. Each
 * method answers where the file went ({@code email:...}, {@code history:<job>}, or the
 * cloud target).
 */
@Component
class ScheduleDeliveries {

	private final ExportService exports;

	private final MailDelivery mail;

	private final CloudDelivery cloud;

	private final ScheduleSecrets secrets;

	ScheduleDeliveries(ExportService exports, MailDelivery mail, CloudDelivery cloud, ScheduleSecrets secrets) {
		this.exports = exports;
		this.mail = mail;
		this.cloud = cloud;
		this.secrets = secrets;
	}

	/**
	 * Delivers a template or built report. A download, or an e-mail too large to attach,
	 * needs a stored copy: it is kept as a completed export job and linked like any
	 * export.
	 */
	Mono<String> deliverReport(ReportSchedule schedule, ScheduledReport report, FileFormat format, String name,
			RenderedFile rendered) {
		String type = schedule.delivery().type();
		boolean keep = "download".equals(type) || ("email".equals(type) && !this.mail.attaches(rendered.size()));
		if (!keep) {
			// An attachment (below the limit) or a cloud upload: both send the bytes.
			return Mono.fromCallable(() -> Files.readAllBytes(rendered.path()))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((bytes) -> send(schedule,
						new ReportFile(name, format.contentType(), bytes, bytes.length, null), report.title()));
		}
		return this.exports
			.keep(report.title(), report.definition().dataType(), schedule.eventId(), format, name, rendered.path(),
					rendered.size(), schedule.createdBy(), schedule.id())
			.flatMap((job) -> "download".equals(type) ? Mono.just("history:" + job.id())
					: send(schedule, new ReportFile(name, format.contentType(), null, rendered.size(),
							"/api/export/download/" + job.id()), report.title()));
	}

	/**
	 * Delivers the file of a completed export job.
	 */
	Mono<String> deliverExport(ReportSchedule schedule, ExportHistory job) {
		ReportSchedule.Delivery delivery = schedule.delivery();
		FileFormat format = FileFormat.of(job.exportType());
		String downloadPath = "/api/export/download/" + job.id();
		if ("download".equals(delivery.type())) {
			return Mono.just("history:" + job.id());
		}
		boolean needBytes = !"email".equals(delivery.type()) || this.mail.attaches(job.fileSize());
		Mono<byte[]> bytes = needBytes
				? this.exports.content(job).flatMap((stream) -> DataBufferUtils.join(stream)).map((buffer) -> {
					byte[] data = new byte[buffer.readableByteCount()];
					buffer.read(data);
					DataBufferUtils.release(buffer);
					return data;
				}) : Mono.just(new byte[0]);
		return bytes.flatMap((data) -> send(schedule, new ReportFile(job.fileName(), format.contentType(),
				needBytes ? data : null, job.fileSize(), downloadPath), job.name()));
	}

	private Mono<String> send(ReportSchedule schedule, ReportFile file, String title) {
		ReportSchedule.Delivery delivery = schedule.delivery();
		if ("email".equals(delivery.type())) {
			String subject = (delivery.subject() != null) ? delivery.subject()
					: "Report: " + ((schedule.name() != null) ? schedule.name() : title);
			return this.mail.send(delivery.recipients(), subject, delivery.message(), file)
				.thenReturn("email:" + String.join(",", delivery.recipients()));
		}
		ReportSchedule.CloudStorage storage = delivery.cloudStorage();
		return this.cloud.upload(storage.provider(), storage.path(), this.secrets.open(storage), file);
	}

}
