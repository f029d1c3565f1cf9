package com.onsiteatlas.support.testapp;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.onsiteatlas.support.messaging.OutboxMessage;

@Document(Widget.COLLECTION)
record Widget(@Id @JsonProperty("_id") String id, String eventId, @Indexed(unique = true) String name, int quantity,
		Instant createdAt, @JsonIgnore List<OutboxMessage> outbox) {

	static final String COLLECTION = "widgets";

}
