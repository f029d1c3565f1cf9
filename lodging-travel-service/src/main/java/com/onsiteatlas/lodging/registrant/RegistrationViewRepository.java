package com.onsiteatlas.lodging.registrant;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import com.onsiteatlas.readmodel.RegistrationView;

/**
 * This service's copy of the registrations read model (kept by service-support's
 * projection, which alone writes it), with the picker searches of
 * {@link RegistrationViewRepositoryCustom}.
 */
interface RegistrationViewRepository
		extends ReactiveMongoRepository<RegistrationView, String>, RegistrationViewRepositoryCustom {

}
