package com.onsiteatlas.lodging.document;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of a download: the stored content type, an attachment disposition with
 * the sanitised name, and no caching by intermediaries.
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<Flux<DataBuffer>> response(Download download) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(download.contentType()));
		headers.setContentDisposition(ContentDisposition.attachment().filename(download.fileName()).build());
		headers.setContentLength(download.size());
		headers.setCacheControl("private, no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		return ResponseEntity.ok().headers(headers).body(download.content());
	}

}
