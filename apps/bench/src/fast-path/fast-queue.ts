import { execInOneWrite, type BulkReplyForm } from './transaction-in-one-write.js';
import { BoundedQueue, loadLuaScript } from '@restaurant/queue';
import { compactLua } from './compact-lua.js';
import type { Redis } from 'ioredis';
import { EncodedLuaScript } from './encoded-lua-script.js';

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
  /** Oldest first; empty when the queue was empty (or a blocking take timed out). */
  items: Item[];
  length: number;
}

/** A taken item as a string (UTF-8), or as a Buffer of its stored bytes. */
type ItemAs<As extends BulkReplyForm> = As extends 'buffer' ? Buffer : string;

/**
 * The bounded queue's fast modes: many items per round trip, and takes that wait in Redis
 * instead of polling. Same keys, same capacity and the same counters as the one-item methods,
 * so every mode can share one queue and one report.
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
   * Takes up to `max` of the oldest items; an empty queue counts one miss, as `take()` does,
   * unless `countEmpty` is false (a customer that waits in Redis when the queue is empty, see
   * `waitForItems`). `as` 'buffer' hands them out as Buffers, for a caller that reads bytes
   * (decoding 100 items a take was a tenth of the benchmark customer's CPU; docs/bench.md,
   * round 7).
   */
  async takeMany<As extends BulkReplyForm = 'string'>(
    max: number,
    as?: As,
    countEmpty = true,
  ): Promise<TakeManyResult<ItemAs<As>>> {
    return this.takeBatch(max, countEmpty ? 1 : 0, as);
  }

  /**
   * Takes up to `max` of the oldest items, waiting up to `timeoutS` seconds in Redis while the
   * queue is empty (0 waits for ever): `waitForItems` and then `takeMany`, again while another
   * customer was quicker. Waiting is not counted as a miss. A caller whose last take left the
   * queue empty passes `waitFirst`, which saves the take that would only find it empty again.
   * Needs a connection of its own: a blocked connection serves nobody else meanwhile. `as` as
   * for `takeMany`.
   */
  async takeManyWaiting<As extends BulkReplyForm = 'string'>(
    max: number,
    timeoutS: number,
    waitFirst = false,
    as?: As,
  ): Promise<TakeManyResult<ItemAs<As>>> {
    for (let wait = waitFirst; ; wait = true) {
      if (wait && !(await this.waitForItems(timeoutS))) return { items: [], length: 0 };
      const taken = await this.takeBatch(max, 0, as);
      if (taken.items.length > 0) return taken;
    }
  }

  /**
   * Waits up to `timeoutS` seconds (0: for ever) until the queue has an item; false when the
   * time ran out. The wait is a BLMOVE of the list's tail onto itself, which blocks until the
   * list has an item and leaves it exactly as it was: every change of the list still happens in
   * one atomic step with its counting (counters and time-at-length stay exact) and nothing
   * leaves the list uncounted, even if this process dies while waiting. Blocks its connection,
   * so it needs one of its own; the takes can go on another.
   */
  async waitForItems(timeoutS: number): Promise<boolean> {
    return (await this.redis.blmove(this.keys.items, this.keys.items, 'RIGHT', 'RIGHT', timeoutS)) !== null;
  }

  /**
   * The counting script and `RPOP items max` in one transaction: the items come straight from
   * the list, not through Lua, which took an eighth of Redis's CPU per item at batch 100
   * (docs/bench.md, round 6). The script goes as EVAL, never EVALSHA: a server that lacked it
   * (new, restarted, SCRIPT FLUSH) would fail the EVALSHA alone and still run the RPOP, so items
   * would leave uncounted. Redis hashes the text to find its compiled script, so it goes without
   * its comments (939 bytes instead of 2,271).
   */
  private async takeBatch<As extends BulkReplyForm>(
    max: number,
    countEmpty: 0 | 1,
    as: As | undefined,
  ): Promise<TakeManyResult<ItemAs<As>>> {
    const { items, stats } = this.keys;
    const [length, taken] = (await execInOneWrite(
      this.connection,
      [
        ['eval', COUNT_TAKE, 2, items, stats, max, countEmpty],
        ['rpop', items, max],
      ],
      as,
    )) as [number, Array<ItemAs<As>> | null];
    return { items: taken ?? [], length };
  }
}
