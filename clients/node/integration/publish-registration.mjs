#!/usr/bin/env node
// Run by suite-tests' NodeProducerJourneyTests: publishes, with this library, what ONSITE ATLAS publishes when a
// conference is created and a person registers for it (event-created, then registration-created), built from
// mongoose documents with the given ids, to the running suite's broker.
//
//   node integration/publish-registration.mjs <brokers> <eventId> <registration _id> <registrationId> <startDate ISO>
import * as library from '../dist/index.js';
import { ADMIN_ID, atlasDocuments, models } from '../test/fixtures/documents.mjs';

const [brokers, eventId, registrationObjectId, registrationId, startDate] = process.argv.slice(2);
if (!startDate) {
  console.error('usage: publish-registration.mjs <brokers> <eventId> <registration _id> <registrationId> <startDate ISO>');
  process.exit(2);
}
const d = atlasDocuments();
const start = new Date(startDate);
const event = new models.Event({
  ...d.event.toObject(),
  _id: eventId,
  name: `Suite Congress ${eventId.substring(18)}`,
  startDate: start,
  endDate: new Date(start.getTime() + 2 * 24 * 3600 * 1000),
});
const registration = new models.Registration({
  ...d.registration.toObject(),
  _id: registrationObjectId,
  registrationId,
  event: event._id,
  category: d.category,
  personalInfo: { ...d.registration.toObject().personalInfo, email: `${registrationId.toLowerCase()}@node-producer.test` },
});
const options = { actorUserId: ADMIN_ID, correlationId: `node-journey-${eventId}`, timezone: 'Asia/Kolkata' };
const messages = [library.eventCreated(event, options), library.registrationCreated(registration, event, options)];
const producer = library.createAtlasProducer({ brokers: brokers.split(','), clientId: 'suite-node-journey' });
try {
  await producer.publish(messages);
} finally {
  await producer.disconnect();
}
process.stdout.write(JSON.stringify(messages) + '\n');
