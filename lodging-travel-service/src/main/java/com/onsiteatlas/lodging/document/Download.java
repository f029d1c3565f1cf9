package com.onsiteatlas.lodging.document;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A document on its way to a client.
 *
 * @param fileName the name to offer
 * @param contentType the content type
 * @param size bytes
 * @param content the bytes
 */
public record Download(String fileName, String contentType, long size, Flux<DataBuffer> content) {
}
