#!/usr/bin/env node
// Run by NodeProducerKafkaTests (Java): publishes one event of every type ONSITE ATLAS produces to the brokers given
// as the first argument, with the library's AtlasProducer, and prints the messages it sent as one JSON line on
// stdout, so the Java side can compare what the codec decodes with what was mapped.
import * as library from '../dist/index.js';
import { allAtlasEvents } from '../test/fixtures/all-events.mjs';

const brokers = (process.argv[2] ?? process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (brokers.length === 0) {
  console.error('usage: publish-all.mjs <host:port,...>');
  process.exit(2);
}
const messages = Object.values(allAtlasEvents(library));
const producer = library.createAtlasProducer({ brokers, clientId: 'publish-all', retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 } });
try {
  await producer.publish(messages);
} finally {
  await producer.disconnect();
}
process.stdout.write(JSON.stringify(messages) + '\n');
