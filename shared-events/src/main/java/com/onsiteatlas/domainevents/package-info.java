/**
 * The platform's Kafka domain-event contract: envelope, codec, catalog, topics and the
 * value records shared by payloads.
 */
package com.onsiteatlas.domainevents;
