package com.onsiteatlas.reporting.rows;

import java.util.Collection;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The row queries Spring Data cannot derive: catalog queries in stored-field terms, the
 * joined rows of a batch of registrations, and grouped aggregations.
 */
interface RowRepositoryCustom {

	/**
	 * Streams the rows of a query in its order (then {@code _id}), with their values (and
	 * event id for a joined source); the driver fetches in batches of 1000.
	 * @param query a validated query
	 * @param limit maximum rows, 0 for all
	 * @return the row documents
	 */
	Flux<Document> stream(RowQuery query, int limit);

	/**
	 * Counts the rows of a query.
	 * @param query a validated query
	 * @return the count
	 */
	Mono<Long> count(RowQuery query);

	/**
	 * The rows of some types about some registrations, oldest event first.
	 * @param rowTypes the row types
	 * @param eventIds the registrations' events
	 * @param registrationIds the registrations
	 * @return the row documents (row type, event id and values)
	 */
	Flux<Document> findAbout(Collection<String> rowTypes, Collection<String> eventIds,
			Collection<String> registrationIds);

	/**
	 * Groups the rows of a query in one aggregation, sorted by the group keys.
	 * @param query a validated query (its sorts are not used)
	 * @param grouping the group fields, metrics and most groups
	 * @return the groups
	 */
	Flux<RowGroup> group(RowQuery query, RowGrouping grouping);

}
