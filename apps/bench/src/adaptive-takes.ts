export interface TakeOutcome {
  /** What this take got, oldest first; empty when the queue was. */
  items: string[];
  /** Items left in the queue after it. */
  length: number;
}

export interface AdaptiveTakesOptions {
  take(): Promise<TakeOutcome>;
  onItems(items: string[]): void;
  /** The most takes in flight at once. */
  max: number;
  stop: AbortSignal;
}

/**
 * A polling customer's takes in flight, as many as the queue needs: one while the customer keeps
 * up, one more (up to `max`) each time a take leaves items behind, and one fewer each time a
 * take finds the queue empty. With a fixed number in flight, most takes of a customer that keeps
 * up come back empty, and each costs Redis and both processes a round trip, CPU the cook then
 * lacks; with one, a customer that falls behind (it lost the CPU for a moment) never catches up.
 * Resolves when `stop` has aborted and every take has returned; rejects with the first error of
 * a take made before the stop.
 */
export function runAdaptiveTakes({ take, onItems, max, stop }: AdaptiveTakesOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    let running = 0;
    const loop = async (): Promise<void> => {
      while (!stop.aborted) {
        const { items, length } = await take();
        if (items.length > 0) onItems(items);
        if (length > 0 && running < max) start();
        // Counted down here, not when the promise settles, so two loops that find the queue
        // empty in the same turn cannot both leave.
        else if (items.length === 0 && running > 1) break;
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
