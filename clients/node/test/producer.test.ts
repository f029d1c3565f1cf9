import { beforeEach, describe, expect, it, vi } from 'vitest';

const kafkaCalls = vi.hoisted(() => ({ client: [] as unknown[], producer: [] as unknown[] }));
vi.mock('kafkajs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('kafkajs')>();
  class Kafka {
    constructor(config: unknown) {
      kafkaCalls.client.push(config);
    }
    producer(config: unknown) {
      kafkaCalls.producer.push(config);
      return { connect: vi.fn(), disconnect: vi.fn(), send: vi.fn(), sendBatch: vi.fn() };
    }
  }
  return { ...actual, Kafka };
});

import * as library from '../src';
import { AtlasProducer, InvalidEventError } from '../src';
import { atlasDocuments } from './fixtures/documents.mjs';

function fakeKafkaProducer() {
  return { connect: vi.fn(async () => undefined), disconnect: vi.fn(async () => undefined), send: vi.fn(), sendBatch: vi.fn(async () => []) };
}

describe('AtlasProducer', () => {
  beforeEach(() => {
    kafkaCalls.client.length = 0;
    kafkaCalls.producer.length = 0;
  });

  it('creates an idempotent kafkajs producer with retries', () => {
    new AtlasProducer({ brokers: ['broker-1:9092', 'broker-2:9092'] });
    expect(kafkaCalls.client[0]).toMatchObject({ brokers: ['broker-1:9092', 'broker-2:9092'], retry: library.DEFAULT_RETRY });
    expect(kafkaCalls.producer[0]).toMatchObject({ idempotent: true, maxInFlightRequests: 1, retry: library.DEFAULT_RETRY });
    expect(library.DEFAULT_RETRY.retries).toBeGreaterThan(0);
  });

  it('signs in with SASL/SCRAM from the environment, and stays on PLAINTEXT without it', () => {
    expect(library.kafkaSecurityFromEnv({})).toEqual({ ssl: false });
    expect(
      library.kafkaSecurityFromEnv({
        KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
        KAFKA_SASL_USERNAME: 'onsite-atlas',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    ).toEqual({ ssl: false, sasl: { mechanism: 'scram-sha-512', username: 'onsite-atlas', password: 'secret' } });
    expect(() => library.kafkaSecurityFromEnv({ KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_USERNAME: 'u' })).toThrow(
      /KAFKA_SASL_PASSWORD/,
    );
    new AtlasProducer({ brokers: ['b:9092'], sasl: { mechanism: 'scram-sha-512', username: 'onsite-atlas', password: 'p' } });
    expect(kafkaCalls.client[0]).toMatchObject({ ssl: false, sasl: { mechanism: 'scram-sha-512', username: 'onsite-atlas' } });
  });

  it('sends each message keyed by its aggregate id, with the ce_* headers, acknowledged by all replicas', async () => {
    const kafka = fakeKafkaProducer();
    const producer = new AtlasProducer({ producer: kafka });
    const d = atlasDocuments();
    const created = library.registrationCreated(d.registration, d.event);
    const paid = library.paymentReceived(d.payment, d.registration, d.event);
    const checkedIn = library.checkInCompleted(d.registration, d.event);
    await producer.publish([created, paid, checkedIn]);

    expect(kafka.connect).toHaveBeenCalledTimes(1);
    expect(kafka.sendBatch).toHaveBeenCalledTimes(1);
    const batch = (kafka.sendBatch.mock.calls[0] as any[])[0];
    expect(batch.acks).toBe(-1);
    // Order is kept: consecutive messages of one topic share a batch entry.
    expect(batch.topicMessages.map((t: any) => [t.topic, t.messages.length])).toEqual([
      ['atlas.registrations', 1],
      ['atlas.payments', 1],
      ['atlas.registrations', 1],
    ]);
    const record = batch.topicMessages[0].messages[0];
    expect(record.key).toBe('6660a1b2c3d4e5f601234567');
    expect(JSON.parse(record.value)).toEqual(created.envelope);
    expect(record.headers).toEqual({ 'content-type': 'application/cloudevents+json', ce_type: 'registration-created', ce_id: created.envelope.id });
  });

  it('sends nothing when one message of a batch is invalid', async () => {
    const kafka = fakeKafkaProducer();
    const producer = new AtlasProducer({ producer: kafka });
    const d = atlasDocuments();
    const good = library.registrationCreated(d.registration, d.event);
    const tampered = library.registrationCreated(d.registration, d.event);
    delete (tampered.envelope.data as any).registration.registrationId;
    await expect(producer.publish([good, tampered])).rejects.toThrow(InvalidEventError);
    await expect(producer.publish([good, tampered])).rejects.toThrow('registration.registrationId is required');
    const rekeyed = { ...library.registrationCreated(d.registration, d.event), key: 'someone-else' };
    await expect(producer.publish(rekeyed)).rejects.toThrow('must be its subject');
    expect(kafka.sendBatch).not.toHaveBeenCalled();
  });

  it('reconnects after a failed connect', async () => {
    const kafka = fakeKafkaProducer();
    kafka.connect.mockRejectedValueOnce(new Error('broker down'));
    const producer = new AtlasProducer({ producer: kafka });
    const d = atlasDocuments();
    const message = library.eventUpdated(d.event);
    await expect(producer.publish(message)).rejects.toThrow('broker down');
    await producer.publish(message);
    expect(kafka.connect).toHaveBeenCalledTimes(2);
    expect(kafka.sendBatch).toHaveBeenCalledTimes(1);
  });
});
