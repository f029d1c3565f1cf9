package com.onsiteatlas.domainevents;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The data of a domain event. Every payload is a record registered in
 * {@link EventCatalog} under a (type, version) pair.
 */
public interface DomainEventPayload {

	/**
	 * The id of the aggregate the event is about. It is the Kafka record key (so all
	 * events of one aggregate keep their order in one partition) and the envelope's
	 * {@code subject}.
	 * @return the aggregate id, never null
	 */
	@JsonIgnore
	String aggregateId();

}
