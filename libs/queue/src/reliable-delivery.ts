import type { RedisClient } from './redis/redis-client.js';
import { queueScripts } from './scripts/queue-scripts.js';
import type { QueueKeys } from './queue-keys.js';
import type { BoundedQueue } from './bounded-queue.js';

export type ReliableTakeResult =
  | { status: 'taken'; length: number; raw: string; deliveries: number }
  | { status: 'empty'; length: 0 };

export interface ReliableDeliveryOptions {
  /** This customer's name: its processing list and heartbeat are named after it. */
  consumer: string;
  /** An item handed out more often than this goes to the dead-letter list. */
  maxDeliveries: number;
}

/**
 * A customer's side of reliable delivery (the Redis reliable-queue pattern): take moves an item
 * into the customer's own processing list, ack removes it. Until the ack the item is in flight;
 * if the customer dies, a reaper returns it (see reaper.ts), and a graceful stop returns it too.
 */
export class ReliableDelivery {
  private readonly keys: QueueKeys;
  private readonly processing: string;
  private readonly acked: string;

  constructor(
    private readonly redis: RedisClient,
    queue: BoundedQueue,
    private readonly options: ReliableDeliveryOptions,
  ) {
    this.keys = queue.keys;
    this.processing = queue.keys.processing(options.consumer);
    this.acked = queue.keys.acked(options.consumer);
  }

  /**
   * The oldest item, now held. A customer acknowledges or returns each item before its next
   * take, so an item still held is one a take whose reply was lost handed out: that one again.
   */
  async take(): Promise<ReliableTakeResult> {
    const { items, stats, deliveries, consumers } = this.keys;
    const { processing } = this;
    const reply = await queueScripts.takeReliable.run(
      this.redis,
      { items, stats, processing, deliveries, consumers },
      { consumer: this.options.consumer },
    );
    return reply[0] === 1
      ? { status: 'taken', length: reply[1], raw: reply[2], deliveries: reply[3] }
      : { status: 'empty', length: 0 };
  }

  /**
   * True when acknowledged (also when this same acknowledgement went through before and was
   * re-sent after a reconnect); false when the item had already been returned by a reaper.
   */
  async ack(raw: string, itemId: string | undefined): Promise<boolean> {
    const { stats, deliveries } = this.keys;
    const { processing, acked } = this;
    return (await queueScripts.ack.run(this.redis, { processing, stats, deliveries, acked }, { item: raw, itemId: itemId ?? '' })) === 1;
  }

  /** Says this customer is alive for `ttlMs` more milliseconds. */
  async heartbeat(ttlMs: number): Promise<void> {
    const { consumer } = this.options;
    await queueScripts.heartbeat.run(
      this.redis,
      { heartbeat: this.keys.heartbeat(consumer), consumers: this.keys.consumers },
      { consumer, ttlMs },
    );
  }

  /** Graceful stop: everything this customer holds goes back to the front of the queue. */
  async returnHeld(): Promise<number> {
    const { returned } = await reclaim(this.redis, this.keys, this.options.consumer, this.options.maxDeliveries, 'stop');
    return returned;
  }
}

/** Returns a customer's held items to the queue; in 'reap' mode only if its heartbeat expired. */
export async function reclaim(
  redis: RedisClient,
  keys: QueueKeys,
  consumer: string,
  maxDeliveries: number,
  mode: 'stop' | 'reap',
): Promise<{ returned: number; deadLettered: number; alive: boolean }> {
  const { items, stats, deliveries, dead, consumers } = keys;
  const [returned, deadLettered] = await queueScripts.reclaim.run(
    redis,
    {
      items,
      stats,
      processing: keys.processing(consumer),
      deliveries,
      dead,
      consumers,
      heartbeat: keys.heartbeat(consumer),
      acked: keys.acked(consumer),
    },
    { consumer, maxDeliveries, mode, at: new Date().toISOString() },
  );
  return returned === -1 ? { returned: 0, deadLettered: 0, alive: true } : { returned, deadLettered, alive: false };
}
