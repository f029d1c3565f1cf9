package com.onsiteatlas.reporting.conference;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import com.onsiteatlas.readmodel.ConferenceView;

/**
 * This service's copy of the conference read model (kept by service-support's projection,
 * which alone writes it), with the search of {@link ConferenceViewRepositoryCustom}.
 */
interface ConferenceViewRepository
		extends ReactiveMongoRepository<ConferenceView, String>, ConferenceViewRepositoryCustom {

}
