import { BoundedQueue, loadLuaScript } from '@restaurant/queue';
import type { Redis } from 'ioredis';
import { compactLua } from './compact-lua.js';
import { EncodedLuaScript } from './encoded-lua-script.js';
import { execInOneWrite, type BulkReplyForm } from './transaction-in-one-write.js';

// The queue's own includes (capacity check, time-at-length), so the counters stay the product's.
const COUNT_TAKE = compactLua(loadLuaScript(new URL('./commands/count-take-2.lua', import.meta.url)));
const OFFER_BATCH = new EncodedLuaScript(loadLuaScript(new URL('./commands/offer-batch-2.lua', import.meta.url)), 2);

export interface OfferManyResult {
  /** Items queued, from the front of the batch. */
  accepted: number;
  /** Items dropped because the queue was full, from the back of the batch. */
  dropped: number;
  length: number;
}

export interface TakeManyResult<Item extends string | Buffer = string> {
  /** Oldest first; empty when the queue was empty. */
  items: Item[];
  length: number;
}

/** A taken item as a string (UTF-8), or as a Buffer of its stored bytes. */
type ItemAs<As extends BulkReplyForm> = As extends 'buffer' ? Buffer : string;

/**
 * The benchmark's batch modes over the product's bounded queue: many items per round trip, with
 * the same keys, capacity and counters as the one-item methods, so every mode can share one queue.
 */
export class FastQueue extends BoundedQueue {
  /** One server's connection: the fast path writes commands as bytes straight onto its socket. */
  constructor(
    private readonly connection: Redis,
    name: string,
    capacity: number,
  ) {
    super(connection, name, capacity);
  }

  /** Queues what fits under the capacity, in order, and drops the rest (counted as full). */
  async offerMany(items: ReadonlyArray<string | Buffer>): Promise<OfferManyResult> {
    if (items.length === 0) return { accepted: 0, dropped: 0, length: await this.length() };
    const { items: list, stats } = this.keys;
    const [accepted, dropped, length] = (await OFFER_BATCH.run(this.connection, [list, stats, this.capacity, ...items])) as number[];
    return { accepted, dropped, length };
  }

  /**
   * Takes up to `max` of the oldest items; an empty queue counts one miss, as `take()` does. The
   * counting script and `RPOP items max` run in one transaction, so the items come straight from
   * the list, not through Lua (which cost Redis an eighth of its CPU per item at batch 100). The
   * script goes as EVAL, never EVALSHA: a server without it would fail the EVALSHA alone and
   * still run the RPOP, so items would leave uncounted. `as` 'buffer' hands them out as Buffers.
   */
  async takeMany<As extends BulkReplyForm = 'string'>(max: number, as?: As): Promise<TakeManyResult<ItemAs<As>>> {
    const { items, stats } = this.keys;
    const [length, taken] = (await execInOneWrite(
      this.connection,
      [
        ['eval', COUNT_TAKE, 2, items, stats, max],
        ['rpop', items, max],
      ],
      as,
    )) as [number, Array<ItemAs<As>> | null];
    return { items: taken ?? [], length };
  }
}
