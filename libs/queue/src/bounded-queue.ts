import { scanTargets, type RedisClient } from './redis/redis-client.js';
import { CapacityMismatchError } from './capacity-mismatch-error.js';
import { encodeFoodItem, type FoodItem } from './food-item.js';
import { queueKeys, type QueueKeys } from './queue-keys.js';
import { waitForReplicas } from './redis/wait-for-replicas.js';
import { queueScripts } from './scripts/queue-scripts.js';

export interface OfferResult {
  status: 'ready' | 'full' | 'duplicate';
  length: number;
  /** With `waitForReplicas`: how many replicas have the queued item. */
  replicas?: number;
}
const OFFER_STATUS = ['full', 'ready', 'duplicate'] as const;

/** How long an accepted id is remembered, so an offer re-sent after a reconnect is refused. */
export const DEFAULT_DEDUP_TTL_S = 3600;

export interface BoundedQueueOptions {
  /** Seconds an accepted item id is remembered, so a re-sent offer is refused. */
  dedupTtlS?: number;
  /**
   * After a queued offer, wait (Redis WAIT) until this many replicas have it, or the timeout
   * passed: replication is asynchronous, so a failover can lose what a master acknowledged alone.
   */
  waitForReplicas?: { count: number; timeoutMs: number };
}
export type TakeResult = { status: 'taken'; length: number; raw: string } | { status: 'empty'; length: 0 };

export interface DeadLetterEntry {
  reason: string;
  raw: string;
  by: string;
  at: string;
}

/**
 * The food queue: a Redis list with a capacity. Every operation is one Lua script, one round
 * trip, atomic, and keeps the queue's counters in the same step.
 */
export class BoundedQueue {
  readonly keys: QueueKeys;

  constructor(
    protected readonly redis: RedisClient,
    readonly name: string,
    readonly capacity: number,
    private readonly options: BoundedQueueOptions = {},
  ) {
    this.keys = queueKeys(name);
  }

  /** Stores the capacity at first use; refuses a queue that already has another one. */
  async claimCapacity(): Promise<void> {
    const stored = await queueScripts.claimCapacity.run(this.redis, { meta: this.keys.meta }, { capacity: this.capacity });
    if (stored !== this.capacity) throw new CapacityMismatchError(this.name, stored, this.capacity);
  }

  /** Offers one meal. Its id makes a second offer of the same item a duplicate. */
  async offer(item: FoodItem): Promise<OfferResult> {
    const { items, stats } = this.keys;
    const [status, length] = await queueScripts.offer.run(
      this.redis,
      { items, stats, seen: this.keys.seen(item.id) },
      { capacity: this.capacity, item: encodeFoodItem(item), dedupTtlS: this.options.dedupTtlS ?? DEFAULT_DEDUP_TTL_S },
    );
    const wait = this.options.waitForReplicas;
    if (OFFER_STATUS[status] !== 'ready' || !wait || wait.count === 0) return { status: OFFER_STATUS[status], length };
    return { status: 'ready', length, replicas: await waitForReplicas(this.redis, items, wait.count, wait.timeoutMs) };
  }

  async take(): Promise<TakeResult> {
    const { items, stats } = this.keys;
    const reply = await queueScripts.take.run(this.redis, { items, stats }, {});
    return reply[0] === 1 ? { status: 'taken', length: reply[1], raw: reply[2] } : { status: 'empty', length: 0 };
  }

  /**
   * Sets aside an item that customer `entry.by` took but could not use: `taken` with a plain
   * take, `held` in its processing list with reliable delivery.
   */
  async deadLetter(entry: DeadLetterEntry, how: 'taken' | 'held'): Promise<void> {
    const { dead, stats } = this.keys;
    const processing = this.keys.processing(entry.by);
    await queueScripts.deadLetter.run(this.redis, { dead, stats, processing }, { entry: JSON.stringify(entry), item: entry.raw, how });
  }

  async length(): Promise<number> {
    return this.redis.llen(this.keys.items);
  }

  /** Removes the queue with its settings, counters and every per-item or per-customer key. */
  async destroy(): Promise<void> {
    const { items, meta, stats, dead, deliveries, consumers, reaper, actors } = this.keys;
    await this.redis.del(items, meta, stats, dead, deliveries, consumers, reaper, actors);
    const pattern = `{${this.name}}:*`;
    // On a cluster the keys live on the master of the queue's slot; SCAN sees one node at a time.
    for (const node of scanTargets(this.redis)) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        if (keys.length > 0) await this.redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  }
}
