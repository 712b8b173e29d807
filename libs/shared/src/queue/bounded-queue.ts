import type { Redis } from 'ioredis';
import { CapacityMismatchError } from './capacity-mismatch-error.js';
import { withQueueCommands, type QueueCommands } from './lua-commands.js';
import { queueKeys, type QueueKeys } from './queue-keys.js';

export type OfferResult = { status: 'ready' | 'full'; length: number };
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
  private readonly redis: Redis & QueueCommands;

  constructor(
    redis: Redis,
    readonly name: string,
    readonly capacity: number,
  ) {
    this.keys = queueKeys(name);
    this.redis = withQueueCommands(redis);
  }

  /** Stores the capacity at first use; refuses a queue that already has another one. */
  async claimCapacity(): Promise<void> {
    const stored = await this.redis.claimCapacity(this.keys.meta, this.capacity);
    if (stored !== this.capacity) throw new CapacityMismatchError(this.name, stored, this.capacity);
  }

  async offer(item: string): Promise<OfferResult> {
    const [queued, length] = await this.redis.offer(this.keys.items, this.keys.stats, this.capacity, item);
    return { status: queued === 1 ? 'ready' : 'full', length };
  }

  async take(): Promise<TakeResult> {
    const reply = await this.redis.take(this.keys.items, this.keys.stats);
    return reply[0] === 1 ? { status: 'taken', length: reply[1], raw: reply[2] } : { status: 'empty', length: 0 };
  }

  async deadLetter(entry: DeadLetterEntry): Promise<void> {
    await this.redis.deadLetter(this.keys.dead, this.keys.stats, JSON.stringify(entry));
  }

  async length(): Promise<number> {
    return this.redis.llen(this.keys.items);
  }

  /** Removes the queue with its settings and counters: a fresh start. */
  async destroy(): Promise<void> {
    const { items, meta, stats, dead } = this.keys;
    await this.redis.del(items, meta, stats, dead);
  }
}
