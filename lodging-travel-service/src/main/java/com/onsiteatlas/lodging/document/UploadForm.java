package com.onsiteatlas.lodging.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.server.ServerWebExchange;

import com.onsiteatlas.support.web.ApiException;

/**
 * A multipart upload: the {@code file} part and the text fields next to it.
 *
 * @param file the file
 * @param fields the text fields
 */
public record UploadForm(FilePart file, Map<String, String> fields) {

	/**
	 * Reads the multipart body of a request.
	 * @param exchange the exchange
	 * @return the form, or a 400 when there is no {@code file} part
	 */
	public static Mono<UploadForm> read(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return Mono.error(ApiException.badRequest("Send the file as multipart/form-data in the field 'file'"));
		}
		return exchange.getMultipartData().flatMap((parts) -> {
			List<Part> files = parts.getOrDefault("file", List.of());
			if (files.size() != 1 || !(files.get(0) instanceof FilePart file)) {
				return Mono
					.error(ApiException.badRequest("Exactly one file is required in the multipart field 'file'"));
			}
			Map<String, String> fields = new HashMap<>();
			parts.forEach((name, list) -> {
				if (!list.isEmpty() && list.get(0) instanceof FormFieldPart field) {
					fields.put(name, field.value());
				}
			});
			return Mono.just(new UploadForm(file, fields));
		});
	}

	public String field(String name) {
		String value = this.fields.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
