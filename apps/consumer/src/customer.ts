import {
  decodeFoodItem,
  logQueueEvent,
  runOnDeadlines,
  type ServiceContext,
  type ServiceDefinition,
} from '@restaurant/shared';

/**
 * One customer: at t=0 and then after a random whole number of seconds in [min, max], take the
 * oldest meal. An empty queue sends the customer away; an unreadable item is set aside in the
 * dead-letter list with the reason, and the customer goes on.
 */
export async function runCustomer({ config, logger, queue, random, signal }: ServiceContext): Promise<void> {
  const takeOne = async (): Promise<void> => {
    const taken = await queue.take();
    if (taken.status === 'empty') {
      logQueueEvent(logger, { event: 'empty', queueLength: 0 });
      return;
    }
    const decoded = decodeFoodItem(taken.raw);
    if (decoded.ok) {
      logQueueEvent(logger, { event: 'taken', meal: decoded.item.meal, itemId: decoded.item.id, queueLength: taken.length });
      return;
    }
    await queue.deadLetter({ reason: decoded.reason, raw: taken.raw, by: config.roleName, at: new Date().toISOString() });
    logger.warn(`set aside an unreadable item (${decoded.reason}) in the dead-letter list`);
  };

  await runOnDeadlines({
    timeScale: config.timeScale,
    signal,
    nextGapS: () => random.intBetween(config.consumerMinS, config.consumerMaxS),
    act: async () => {
      try {
        await takeOne();
      } catch (error) {
        if (!signal.aborted) logger.warn(`could not take a meal: ${(error as Error).message}`);
      }
    },
  });
}

export const customerService: ServiceDefinition = {
  defaultRole: 'consumer_1',
  connection: 'patient',
  run: runCustomer,
};
