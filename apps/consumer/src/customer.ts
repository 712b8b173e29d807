import {
  decodeFoodItem,
  logQueueEvent,
  modelSecondsToWallMs,
  ReliableDelivery,
  runOnDeadlines,
  sleepUnlessAborted,
  startReaper,
  type ServiceContext,
  type ServiceDefinition,
} from '@restaurant/shared';

/** One visit's outcome, whichever delivery mode took the meal. */
type Taken = { status: 'empty' } | { status: 'taken'; raw: string; length: number };

/**
 * One customer: at t=0 and then after a random whole number of seconds in [min, max], take the
 * oldest meal. An empty queue sends the customer away; an unreadable or oversized item is set
 * aside in the dead-letter list with the reason, and the customer goes on.
 *
 * With reliable delivery the meal stays in the customer's processing list while it is held
 * (CONSUMER_HOLD_S) and is acknowledged afterwards; a stop returns whatever is still held.
 */
export async function runCustomer(context: ServiceContext): Promise<void> {
  const { config, logger, queue, random, signal, redis } = context;
  const reliable =
    config.delivery === 'reliable'
      ? new ReliableDelivery(redis, queue, { consumer: config.roleName, maxDeliveries: config.maxDeliveries })
      : undefined;
  const reaper =
    reliable &&
    startReaper({
      redis,
      keys: queue.keys,
      delivery: reliable,
      consumer: config.roleName,
      reclaimAfterMs: config.reclaimAfterS * 1000,
      maxDeliveries: config.maxDeliveries,
      onReclaimed: (consumer, returned, dead) =>
        logger.warn(`${consumer} stopped answering: returned ${returned} meal(s) to the queue, ${dead} to the dead-letter list`),
      onError: (error) => logger.warn(`heartbeat failed: ${error.message}`),
    });
  if (reliable) {
    // left over from an earlier life under this name; if Redis is away, a reaper will do it
    const returned = await reliable.returnHeld().catch(() => 0);
    if (returned > 0) logger.warn(`returned ${returned} meal(s) held by an earlier ${config.roleName} to the queue`);
  }

  const visit = async (): Promise<void> => {
    const taken: Taken = reliable ? await reliable.take() : await queue.take();
    if (taken.status === 'empty') {
      logQueueEvent(logger, { event: 'empty', queueLength: 0 });
      return;
    }
    const decoded =
      Buffer.byteLength(taken.raw) > config.maxItemBytes
        ? ({ ok: false, reason: `oversized (${Buffer.byteLength(taken.raw)} bytes, limit ${config.maxItemBytes})` } as const)
        : decodeFoodItem(taken.raw);
    if (!decoded.ok) {
      await queue.deadLetter({ reason: decoded.reason, raw: taken.raw, by: config.roleName, at: new Date().toISOString() });
      logger.warn(`set aside an unreadable item (${decoded.reason}) in the dead-letter list`);
      return;
    }
    const { meal, id } = decoded.item;
    logQueueEvent(logger, { event: 'taken', meal, itemId: id, queueLength: taken.length });
    if (!reliable) return;
    if (config.consumerHoldS > 0) await sleepUnlessAborted(modelSecondsToWallMs(config.consumerHoldS, config.timeScale), signal);
    if (signal.aborted) return; // still held: returned to the queue below
    if (!(await reliable.ack(taken.raw, id))) logger.warn(`**${meal}** had already been returned to the queue`);
  };

  try {
    await runOnDeadlines({
      timeScale: config.timeScale,
      signal,
      nextGapS: () => random.intBetween(config.consumerMinS, config.consumerMaxS),
      act: async () => {
        try {
          await visit();
        } catch (error) {
          if (!signal.aborted) logger.warn(`could not take a meal: ${(error as Error).message}`);
        }
      },
    });
  } finally {
    reaper?.stop();
    if (reliable) {
      const returned = await reliable.returnHeld().catch(() => 0);
      if (returned > 0) logger.info(`returned ${returned} meal(s) still held to the queue`);
    }
  }
}

export const customerService: ServiceDefinition = {
  defaultRole: 'consumer_1',
  usage: 'npm run consumer  (node apps/consumer/dist/main.js)',
  connection: 'patient',
  run: runCustomer,
};
