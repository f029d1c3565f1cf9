import { Kafka, logLevel as KafkaLogLevel, type Message, type Producer, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { AtlasMessage } from './envelope';
import { defaultValidator } from './helpers';
import type { SchemaValidator } from './validator';

export interface AtlasProducerOptions {
  /** Broker addresses, for example `['localhost:9092']`; default `KAFKA_BROKERS` split on commas, else localhost:9092. */
  brokers?: string[];
  clientId?: string;
  /**
   * SASL sign-in (a broker with authentication and ACLs: ONSITE ATLAS is Kafka user `onsite-atlas`, which alone may
   * write its topics). Default: {@link kafkaSecurityFromEnv} of `process.env`.
   */
  sasl?: SASLOptions;
  /** TLS to the brokers; default true when `KAFKA_SECURITY_PROTOCOL` is `SASL_SSL` or `SSL`. */
  ssl?: boolean;
  /**
   * kafkajs's retry policy for connecting and sending (exponential backoff with jitter). Default: 8 retries from
   * 300 ms up to 30 s, about two minutes in all, so that a broker restart does not lose an event.
   */
  retry?: RetryOptions;
  /** Broker request timeout in ms; default 30000. */
  requestTimeout?: number;
  logLevel?: KafkaLogLevel;
  validator?: SchemaValidator;
  /** An existing kafkajs producer (tests, or to share one); it must have been created with `idempotent: true`. */
  producer?: Pick<Producer, 'connect' | 'disconnect' | 'send' | 'sendBatch'>;
}

/**
 * The broker security the platform's producers read from the environment (the same variables as the Java services
 * and legacy-import): `KAFKA_SECURITY_PROTOCOL` (`PLAINTEXT` when unset, `SASL_PLAINTEXT`, `SASL_SSL`, `SSL`),
 * `KAFKA_SASL_MECHANISM` (`SCRAM-SHA-512` when unset, `SCRAM-SHA-256`, `PLAIN`), `KAFKA_SASL_USERNAME`,
 * `KAFKA_SASL_PASSWORD`. Throws when a SASL protocol lacks the user or password.
 */
export function kafkaSecurityFromEnv(env: Record<string, string | undefined> = process.env): { sasl?: SASLOptions; ssl: boolean } {
  const protocol = (env.KAFKA_SECURITY_PROTOCOL?.trim() || 'PLAINTEXT').toUpperCase();
  const ssl = protocol === 'SASL_SSL' || protocol === 'SSL';
  if (!protocol.startsWith('SASL_')) {
    return { ssl };
  }
  const username = env.KAFKA_SASL_USERNAME;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username || !password) {
    throw new Error(`KAFKA_SECURITY_PROTOCOL=${protocol} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`);
  }
  const mechanism = (env.KAFKA_SASL_MECHANISM?.trim() || 'SCRAM-SHA-512').toLowerCase();
  if (mechanism !== 'scram-sha-512' && mechanism !== 'scram-sha-256' && mechanism !== 'plain') {
    throw new Error(`KAFKA_SASL_MECHANISM=${mechanism} is not supported: use SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN`);
  }
  return { sasl: { mechanism, username, password } as SASLOptions, ssl };
}

export const DEFAULT_RETRY: RetryOptions = { retries: 8, initialRetryTime: 300, maxRetryTime: 30_000 };

/**
 * Publishes validated events with kafkajs's idempotent producer (`acks=all`, one request in flight, so retries
 * neither duplicate nor reorder a partition's records). Every message is validated again right before sending.
 */
export class AtlasProducer {
  private readonly producer: Pick<Producer, 'connect' | 'disconnect' | 'send' | 'sendBatch'>;
  private readonly validator: SchemaValidator;
  private connected?: Promise<void>;

  constructor(options: AtlasProducerOptions = {}) {
    this.validator = options.validator ?? defaultValidator();
    if (options.producer) {
      this.producer = options.producer;
      return;
    }
    const brokers = options.brokers ?? (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim());
    const retry = options.retry ?? DEFAULT_RETRY;
    const security = options.sasl ? { sasl: options.sasl, ssl: options.ssl ?? false } : kafkaSecurityFromEnv();
    const kafka = new Kafka({
      clientId: options.clientId ?? 'onsite-atlas',
      brokers,
      ssl: options.ssl ?? security.ssl,
      ...(security.sasl ? { sasl: security.sasl } : {}),
      retry,
      requestTimeout: options.requestTimeout ?? 30_000,
      logLevel: options.logLevel ?? KafkaLogLevel.WARN,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry, allowAutoTopicCreation: true });
  }

  /** Connects once; later calls (and `publish`) reuse the connection. */
  async connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  async disconnect(): Promise<void> {
    if (this.connected) {
      this.connected = undefined;
      await this.producer.disconnect();
    }
  }

  /**
   * Sends messages built by the helpers (or {@link atlasEvent}) in the given order, each keyed by its aggregate id,
   * and resolves once the brokers acknowledged all of them (`acks: -1`). Rejects without sending anything when one
   * is invalid.
   */
  async publish(messages: AtlasMessage | AtlasMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages];
    if (list.length === 0) {
      return;
    }
    for (const message of list) {
      this.validator.validateEnvelope(message.envelope as unknown as Record<string, unknown>);
      if (message.key !== message.envelope.subject) {
        throw new Error(`The key of ${message.envelope.type} ${message.envelope.id} must be its subject (the aggregate id)`);
      }
    }
    await this.connect();
    const topicMessages: { topic: string; messages: Message[] }[] = [];
    for (const message of list) {
      const record: Message = { key: message.key, value: JSON.stringify(message.envelope), headers: { ...message.headers } };
      const last = topicMessages[topicMessages.length - 1];
      if (last && last.topic === message.topic) {
        last.messages.push(record);
      } else {
        topicMessages.push({ topic: message.topic, messages: [record] });
      }
    }
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }
}

/** A producer for `brokers`; call `connect()` at start-up and `disconnect()` on shutdown. */
export function createAtlasProducer(options: AtlasProducerOptions = {}): AtlasProducer {
  return new AtlasProducer(options);
}
