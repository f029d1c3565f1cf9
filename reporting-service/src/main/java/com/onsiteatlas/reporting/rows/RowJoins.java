package com.onsiteatlas.reporting.rows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import com.onsiteatlas.reporting.catalog.DataSource;

/**
 * Joins registration rows with the rows of other types about the same registrants (a
 * joined data source): one query per batch of registrations for all their joined rows
 * keeps the stream flat in memory and the round trips few.
 */
@Component
class RowJoins {

	private final RowRepository rows;

	RowJoins(RowRepository rows) {
		this.rows = rows;
	}

	/** Registrations whose joined rows are read with one query. */
	static final int JOIN_BATCH = 500;

	/**
	 * The rows of a batch of registrations, each with the newest row and the row count of
	 * every joined type ({@code <type>.<field>}, {@code <type>.count}).
	 * @param source a joined data source
	 * @param batch registration rows
	 * @return the joined rows, in batch order
	 */
	Flux<Map<String, Object>> join(DataSource source, List<Document> batch) {
		Set<String> eventIds = new HashSet<>();
		Set<String> registrationIds = new HashSet<>();
		for (Document document : batch) {
			Object registrationId = RowService.values(document).get("registrationId");
			if (registrationId != null) {
				registrationIds.add(registrationId.toString());
				eventIds.add(document.getString("eventId"));
			}
		}
		// Per registration and joined type: the newest row (sorted by event time, so the
		// last one read) and the number of rows.
		Mono<Map<String, Map<String, Joined>>> joined = registrationIds.isEmpty() ? Mono.just(Map.of())
				: this.rows.findAbout(source.joins(), eventIds, registrationIds)
					.collect(HashMap<String, Map<String, Joined>>::new,
							(byKey, row) -> byKey.computeIfAbsent(key(row), (k) -> new HashMap<>())
								.merge(row.getString("rowType"), new Joined(RowService.values(row), 1),
										(older, newer) -> new Joined(newer.values(), older.count() + 1)));
		return joined.flatMapIterable((byKey) -> batch.stream().map((document) -> {
			Map<String, Object> row = new HashMap<>();
			RowService.values(document).forEach((field, value) -> row.put(source.rowType() + "." + field, value));
			Map<String, Joined> types = byKey.getOrDefault(key(document), Map.of());
			for (String type : source.joins()) {
				Joined match = types.get(type);
				row.put(type + ".count", (match != null) ? match.count() : 0);
				if (match != null) {
					match.values().forEach((field, value) -> row.put(type + "." + field, value));
				}
			}
			return row;
		}).toList());
	}

	private static String key(Document row) {
		return row.getString("eventId") + "|" + RowService.values(row).get("registrationId");
	}

	/**
	 * The newest joined row of one type and how many rows of that type there are.
	 */
	private record Joined(Map<String, Object> values, int count) {
	}

}
