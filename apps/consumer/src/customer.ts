import { decodeFoodItem } from '@restaurant/queue';
import { logQueueEvent, runOnDeadlines, type ServiceContext, type ServiceDefinition } from '@restaurant/service';
import { reliableDelivery, simpleDelivery } from './customer-delivery.js';

/**
 * One customer: at t=0 and then after a random whole number of seconds in [min, max], take the
 * oldest meal. An empty queue sends the customer away; an unreadable or oversized item is set
 * aside in the dead-letter list with the reason, and the customer goes on.
 */
export async function runCustomer(context: ServiceContext): Promise<void> {
  const { config, logger, random, signal, metrics, recordEvent } = context;
  const delivery = config.delivery === 'reliable' ? await reliableDelivery(context) : simpleDelivery(context);

  const visit = async (): Promise<void> => {
    const sent = performance.now();
    const taken = await delivery.take();
    metrics.took(taken.status, (performance.now() - sent) / 1000);
    if (taken.status === 'empty') {
      logQueueEvent(logger, { event: 'empty', queueLength: 0 });
      recordEvent('empty');
      return;
    }
    const decoded = decodeFoodItem(taken.raw, config.maxItemBytes);
    if (!decoded.ok) {
      await delivery.deadLetter({ reason: decoded.reason, raw: taken.raw, by: config.roleName, at: new Date().toISOString() });
      metrics.deadLettered(1);
      logger.warn(`set aside an unreadable item (${decoded.reason}) in the dead-letter list`);
      return;
    }
    const { meal, id } = decoded.item;
    logQueueEvent(logger, { event: 'taken', meal, itemId: id, queueLength: taken.length });
    recordEvent('taken');
    await delivery.eat(taken.raw, id, meal);
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
          if (signal.aborted) return;
          metrics.took('error', 0);
          logger.warn(`could not take a meal: ${(error as Error).message}`);
        }
      },
    });
  } finally {
    await delivery.close();
  }
}

export const customerService: ServiceDefinition = {
  defaultRole: 'consumer_1',
  kind: 'consumer',
  usage: 'npm run consumer  (node apps/consumer/dist/main.js)',
  connection: 'patient',
  run: runCustomer,
};
