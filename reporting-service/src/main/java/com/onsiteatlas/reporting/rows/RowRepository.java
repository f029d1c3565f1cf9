package com.onsiteatlas.reporting.rows;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import com.onsiteatlas.reporting.readmodel.ReportRow;

/**
 * The read-model rows as reports read them (the projection alone writes them): Spring
 * Data's reads plus the queries and aggregations of {@link RowRepositoryCustom}.
 */
interface RowRepository extends ReactiveMongoRepository<ReportRow, String>, RowRepositoryCustom {

}
