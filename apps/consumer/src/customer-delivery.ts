import { modelSecondsToWallMs, sleepUnlessAborted, type ServiceContext } from '@restaurant/service';
import { type DeadLetterEntry, ReliableDelivery, startReaper } from '@restaurant/queue';

/** One visit's outcome, whichever delivery took the meal. */
export type Taken = { status: 'empty' } | { status: 'taken'; raw: string; length: number };

/** How a customer gets its meals: the original's RPOP, or held until acknowledged. */
export interface CustomerDelivery {
  take(): Promise<Taken>;
  /** The customer has the meal: eat it, then say so (reliable delivery acknowledges it here). */
  eat(raw: string, itemId: string, meal: string): Promise<void>;
  /** Sets aside a taken item the customer cannot use. */
  deadLetter(entry: DeadLetterEntry): Promise<void>;
  /** The customer stops: return anything still held. */
  close(): Promise<void>;
}

/** The original: RPOP, and a taken meal is gone from the queue at once. */
export function simpleDelivery({ queue }: ServiceContext): CustomerDelivery {
  return {
    take: () => queue.take(),
    eat: async () => undefined,
    deadLetter: (entry) => queue.deadLetter(entry, 'taken'),
    close: async () => undefined,
  };
}

/**
 * Reliable delivery: the meal waits in this customer's processing list while it is held
 * (CONSUMER_HOLD_S) and is acknowledged afterwards. A heartbeat and a reaper return the meals of
 * customers that died; a stop returns whatever this one still holds.
 */
export async function reliableDelivery({ config, logger, queue, redis, signal, metrics }: ServiceContext): Promise<CustomerDelivery> {
  const delivery = new ReliableDelivery(redis, queue, { consumer: config.roleName, maxDeliveries: config.maxDeliveries });
  const reaper = startReaper({
    redis,
    keys: queue.keys,
    delivery,
    consumer: config.roleName,
    reclaimAfterMs: config.reclaimAfterS * 1000,
    maxDeliveries: config.maxDeliveries,
    onReclaimed: (consumer, returned, dead) => {
      metrics.reclaimed(returned);
      metrics.deadLettered(dead);
      logger.warn(`${consumer} stopped answering: returned ${returned} meal(s) to the queue, ${dead} to the dead-letter list`);
    },
    onError: (error) => logger.warn(`heartbeat failed: ${error.message}`),
  });
  // Left over from an earlier life under this name; if Redis is away now, a reaper will do it.
  const leftOver = await delivery.returnHeld().catch(() => 0);
  if (leftOver > 0) logger.warn(`returned ${leftOver} meal(s) held by an earlier ${config.roleName} to the queue`);

  return {
    take: () => delivery.take(),
    async eat(raw, itemId, meal) {
      if (config.consumerHoldS > 0) await sleepUnlessAborted(modelSecondsToWallMs(config.consumerHoldS, config.timeScale), signal);
      if (signal.aborted) return; // still held: close() returns it
      const sent = performance.now();
      const acknowledged = await delivery.ack(raw, itemId);
      metrics.roundTrip('ack', (performance.now() - sent) / 1000);
      if (!acknowledged) logger.warn(`**${meal}** had already been returned to the queue`);
    },
    deadLetter: (entry) => queue.deadLetter(entry, 'held'),
    async close() {
      reaper.stop();
      const returned = await delivery.returnHeld().catch(() => 0);
      metrics.reclaimed(returned);
      if (returned > 0) logger.info(`returned ${returned} meal(s) still held to the queue`);
    },
  };
}
