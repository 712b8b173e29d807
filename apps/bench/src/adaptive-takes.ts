import { setTimeout as sleep } from 'node:timers/promises';

export interface TakeOutcome {
  /** What this take got, oldest first; empty when the queue was. */
  items: ReadonlyArray<string | Buffer>;
  /** Items left in the queue after it. */
  length: number;
}

export interface AdaptiveTakesOptions {
  take(): Promise<TakeOutcome>;
  onItems(items: TakeOutcome['items']): void;
  /** The most takes in flight at once. */
  max: number;
  /** The most items one take gets. */
  perTake: number;
  stop: AbortSignal;
  /** How long the last take in flight waits after finding the queue empty a few times running (0: never). */
  idleMs?: number;
}

const EMPTIES_BEFORE_IDLE = 8;

/**
 * A customer's takes in flight, as many as the queue needs: one while the customer keeps up, as
 * many more as the items a take left behind need (up to `max`) at once, and one fewer each time
 * a take finds the queue empty. With a fixed number, most takes of a customer that keeps up come
 * back empty and cost CPU the cook then lacks; with one, a customer that fell behind never
 * catches up. Resolves when `stop` has aborted and every take has returned; rejects with the
 * first error of a take made before the stop.
 */
export function runAdaptiveTakes({ take, onItems, max, perTake, stop, idleMs = 0 }: AdaptiveTakesOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    let running = 0;
    const loop = async (): Promise<void> => {
      let empties = 0;
      while (!stop.aborted) {
        const { items, length } = await take();
        empties = items.length === 0 ? empties + 1 : 0;
        if (items.length > 0) onItems(items);
        if (length > 0) {
          // All at once: every round trip spent ramping up is one more the backlog waits.
          const wanted = Math.min(max, running + Math.ceil(length / perTake));
          while (running < wanted) start();
        } else if (items.length === 0 && running > 1) {
          // Counted down here, not when the promise settles, so two loops that find the queue
          // empty in the same turn cannot both leave.
          break;
        } else if (empties >= EMPTIES_BEFORE_IDLE && idleMs > 0) {
          // A customer that keeps up would otherwise spin on an empty queue, on CPU its cooks need.
          await sleep(idleMs, undefined, { signal: stop }).catch(() => undefined);
        }
      }
      running--;
    };
    const start = (): void => {
      running++;
      loop().then(
        () => {
          if (running === 0) resolve();
        },
        (error: unknown) => {
          running--;
          if (!stop.aborted) reject(error);
          else if (running === 0) resolve();
        },
      );
    };
    start();
  });
}
