import type { AtlasMessage } from './envelope';
import type { AtlasProducer } from './producer';

export type MessagesFor<D> = (doc: D) => AtlasMessage | AtlasMessage[] | null | undefined | Promise<AtlasMessage | AtlasMessage[] | null | undefined>;

export interface PublishAfterCommitOptions<D> {
  /**
   * Called when the event cannot be built or sent. The document is already saved at that point, so the save is not
   * failed; default: `console.error`. Log it where an operator looks, or re-publish from here.
   */
  onError?: (error: unknown, doc: D) => void | Promise<void>;
  /** Wait for Kafka's acknowledgement before `save()` resolves (default true); false publishes in the background. */
  await?: boolean;
}

/**
 * A mongoose `post('save')` hook that publishes the events `messagesFor(doc)` returns (none when it returns null),
 * after MongoDB accepted the write:
 *
 * ```js
 * paymentSchema.post('save', publishAfterCommit(atlas, async (payment) =>
 *   payment.status === 'paid' && payment.$locals.statusChanged
 *     ? paymentReceived(payment, await Registration.findById(payment.registration).populate('category'), await Event.findById(payment.event))
 *     : null));
 * ```
 *
 * A process that dies between the save and Kafka's acknowledgement loses the event; where that matters, use the
 * outbox of docs/events.md ("Reliable publication"), which can store the same messages.
 */
export function publishAfterCommit<D>(
  producer: Pick<AtlasProducer, 'publish'>,
  messagesFor: MessagesFor<D>,
  options: PublishAfterCommitOptions<D> = {},
): (doc: D) => Promise<void> {
  const onError = options.onError ?? ((error: unknown) => console.error('[events-producer] event not published:', error));
  const wait = options.await ?? true;
  // One argument only: mongoose treats a two-argument post hook as callback-style and waits for next().
  return async function afterSave(doc: D): Promise<void> {
    const run = async () => {
      try {
        const messages = await messagesFor(doc);
        if (messages && (!Array.isArray(messages) || messages.length > 0)) {
          await producer.publish(messages);
        }
      } catch (error) {
        try {
          await onError(error, doc);
        } catch (handlerError) {
          console.error('[events-producer] onError failed:', handlerError, 'for', error);
        }
      }
    };
    if (wait) {
      await run();
    } else {
      void run();
    }
  };
}
