import type { Redis } from 'ioredis';
import { CapacityMismatchError } from './capacity-mismatch-error.js';
import { queueCommands, type QueueCommands } from './scripts/lua-commands.js';
import { queueKeys, type QueueKeys } from './queue-keys.js';

export type OfferResult = { status: 'ready' | 'full' | 'duplicate'; length: number };
const OFFER_STATUS = ['full', 'ready', 'duplicate'] as const;

/** How long an accepted id is remembered, so an offer re-sent after a reconnect is refused. */
export const DEFAULT_DEDUP_TTL_S = 3600;
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
  protected readonly commands: QueueCommands;

  constructor(
    protected readonly redis: Redis,
    readonly name: string,
    readonly capacity: number,
    private readonly dedupTtlS = DEFAULT_DEDUP_TTL_S,
  ) {
    this.keys = queueKeys(name);
    this.commands = queueCommands(redis);
  }

  /** Stores the capacity at first use; refuses a queue that already has another one. */
  async claimCapacity(): Promise<void> {
    const stored = await this.commands.claimCapacity(this.keys.meta, this.capacity);
    if (stored !== this.capacity) throw new CapacityMismatchError(this.name, stored, this.capacity);
  }

  /** Offers one item (a JSON object). Its `id` makes a second offer of the same item a duplicate. */
  async offer(item: string, itemId = idOf(item)): Promise<OfferResult> {
    const seen = this.keys.seen(itemId ?? '-');
    const ttl = itemId === undefined ? 0 : this.dedupTtlS;
    const [status, length] = await this.commands.offer(this.keys.items, this.keys.stats, seen, this.capacity, item, ttl);
    return { status: OFFER_STATUS[status], length };
  }

  async take(): Promise<TakeResult> {
    const reply = await this.commands.take(this.keys.items, this.keys.stats);
    return reply[0] === 1 ? { status: 'taken', length: reply[1], raw: reply[2] } : { status: 'empty', length: 0 };
  }

  /**
   * Sets aside an item that customer `entry.by` took but could not use: `taken` with a plain
   * take, `held` in its processing list with reliable delivery.
   */
  async deadLetter(entry: DeadLetterEntry, how: 'taken' | 'held'): Promise<void> {
    const { dead, stats } = this.keys;
    await this.commands.deadLetter(dead, stats, this.keys.processing(entry.by), JSON.stringify(entry), entry.raw, how);
  }

  async length(): Promise<number> {
    return this.redis.llen(this.keys.items);
  }

  /** Removes the queue with its settings, counters and every per-item or per-customer key. */
  async destroy(): Promise<void> {
    const { items, meta, stats, dead, deliveries, consumers, reaper } = this.keys;
    await this.redis.del(items, meta, stats, dead, deliveries, consumers, reaper);
    const pattern = `{${this.name}}:*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

const ID_FIELD = /"id":"([^"]+)"/;

function idOf(item: string): string | undefined {
  return ID_FIELD.exec(item)?.[1];
}
