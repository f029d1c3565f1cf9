package com.onsiteatlas.lodging.travel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;

/**
 * The MongoDB side of {@link TravelInfoRepositoryCustom}: the only travel class that
 * writes criteria and updates.
 */
class TravelInfoRepositoryImpl implements TravelInfoRepositoryCustom {

	private final ReactiveMongoTemplate mongo;

	TravelInfoRepositoryImpl(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<TravelInfo> changeIfUnchanged(TravelInfo before, TravelChange change, OutboxMessage message) {
		return this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(before.id()).and("updatedAt").is(before.updatedAt())),
				Outbox.push(update(change), List.of(message)), FindAndModifyOptions.options().returnNew(true),
				TravelInfo.class);
	}

	@Override
	public Mono<Boolean> replaceStoredFile(String id, String oldFileId, String newFileId, Instant at) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id).and("documents.storedFileId").is(oldFileId)),
					new Update().set("documents.$.storedFileId", newFileId).set("updatedAt", at), TravelInfo.class)
			.map((result) -> result.getModifiedCount() == 1);
	}

	@Override
	public Mono<Boolean> namesStoredFile(String id, String fileId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(id).and("documents.storedFileId").is(fileId)),
				TravelInfo.class);
	}

	@Override
	public Mono<TravelInfo> removeById(String id) {
		return this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), TravelInfo.class);
	}

	@Override
	public Mono<Paged<TravelInfo>> page(TravelSearch search, PageQuery page) {
		Criteria criteria = Criteria.where("event").is(search.eventId());
		if (search.registration() != null) {
			criteria.and("registration").is(search.registration());
		}
		if (search.status() != null) {
			criteria.and("status").is(search.status().value());
		}
		List<Criteria> and = new ArrayList<>();
		if (search.airport() != null) {
			and.add(new Criteria().orOperator(Criteria.where("arrival.airport").is(search.airport()),
					Criteria.where("departure.airport").is(search.airport())));
		}
		if (search.transferRequired() != null) {
			if (search.transferRequired()) {
				and.add(new Criteria().orOperator(Criteria.where("arrival.transferRequired").is(true),
						Criteria.where("departure.transferRequired").is(true)));
			}
			else {
				and.add(Criteria.where("arrival.transferRequired").ne(true));
				and.add(Criteria.where("departure.transferRequired").ne(true));
			}
		}
		if (search.arrivalFrom() != null) {
			and.add(Criteria.where("arrival.date").gte(search.arrivalFrom()));
		}
		if (search.arrivalTo() != null) {
			and.add(Criteria.where("arrival.date").lte(search.arrivalTo()));
		}
		if (search.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(search.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (!and.isEmpty()) {
			criteria.andOperator(and);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), TravelInfo.class, page);
	}

	@Override
	public Mono<TravelInfo> findOfRegistration(String eventId, String registration) {
		return this.mongo.findOne(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration)),
				TravelInfo.class);
	}

	@Override
	public Flux<TravelInfo> findTransfers(String eventId, boolean arrivals, Instant from, Instant to) {
		String leg = arrivals ? "arrival" : "departure";
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and(leg + ".transferRequired")
			.is(true)
			.and(leg + ".date")
			.gte(from)
			.lte(to)), TravelInfo.class);
	}

	@Override
	public Mono<Void> refreshTraveller(String eventId, RegistrationSnapshot registration) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration.id())),
					new Update().set("traveller", registration.personalInfo())
						.set("registrationId", registration.registrationId())
						.set("searchText",
								TravelInfo.searchText(registration.personalInfo(), registration.registrationId())),
					TravelInfo.class)
			.then();
	}

	@Override
	public Mono<Long> removeAllOfEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), TravelInfo.class)
			.map((result) -> result.getDeletedCount());
	}

	private static Update update(TravelChange change) {
		if (change instanceof TravelChange.Itinerary itinerary) {
			return new Update().set("arrival", itinerary.arrival())
				.set("departure", itinerary.departure())
				.set("notes", itinerary.notes())
				.set("status", itinerary.status().value())
				.set("updatedAt", itinerary.at());
		}
		if (change instanceof TravelChange.DocumentAdded added) {
			return new Update().push("documents", added.document()).set("updatedAt", added.at());
		}
		TravelChange.DocumentRemoved removed = (TravelChange.DocumentRemoved) change;
		return new Update()
			.pull("documents", Query.query(Criteria.where("_id").is(removed.documentId())).getQueryObject())
			.set("updatedAt", removed.at());
	}

}
