package com.onsiteatlas.lodging.travel;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.lodging.document.DocumentReferences;

/**
 * The stored files named by the documents of itineraries, for the rekey of documents.
 * Moving the itinerary's {@code updatedAt} on with the switch makes every change based on
 * a read from before it fail as concurrent (and a removal then re-reads the file it
 * deletes).
 */
@Component
class TravelDocumentReferences implements DocumentReferences {

	private final TravelInfoRepository travels;

	private final Clock clock;

	TravelDocumentReferences(TravelInfoRepository travels, Clock clock) {
		this.travels = travels;
		this.clock = clock;
	}

	@Override
	public String resourceType() {
		return TravelDocuments.RESOURCE;
	}

	@Override
	public Mono<Boolean> replace(String resourceId, String oldFileId, String newFileId) {
		return this.travels.replaceStoredFile(resourceId, oldFileId, newFileId, this.clock.instant());
	}

	@Override
	public Mono<Boolean> refersTo(String resourceId, String fileId) {
		return this.travels.namesStoredFile(resourceId, fileId);
	}

}
