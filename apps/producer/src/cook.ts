import { newFoodItem, offerNaively, type FoodItem } from '@restaurant/queue';
import { logQueueEvent, pickMeal, runOnDeadlines, type ServiceContext, type ServiceDefinition } from '@restaurant/service';

/** One cook: at t=0 and then every period, pick a meal and offer it; a full queue drops it. */
export async function runCook({ config, logger, queue, random, signal, redis, metrics, recordEvent }: ServiceContext): Promise<void> {
  const offer = (item: FoodItem) =>
    config.admission === 'naive' ? offerNaively(redis, queue.keys, config.capacity, item) : queue.offer(item);
  await runOnDeadlines({
    timeScale: config.timeScale,
    signal,
    nextGapS: () => config.producerPeriodS,
    firstAfterS: config.producerOffsetS,
    act: async () => {
      const meal = pickMeal(random);
      const item = newFoodItem(meal, config.roleName);
      const sent = performance.now();
      try {
        const { status, length, replicas } = await offer(item);
        metrics.offered(status, (performance.now() - sent) / 1000);
        if (status === 'duplicate') logger.warn(`**${meal}** was already on the queue (offer re-sent after a reconnect)`);
        else {
          logQueueEvent(logger, { event: status, meal, itemId: item.id, queueLength: length });
          recordEvent(status);
        }
        if (replicas !== undefined && replicas < config.offerWaitReplicas) {
          logger.warn(`**${meal}** is on ${replicas} of ${config.offerWaitReplicas} replicas after ${config.offerWaitTimeoutMs} ms: a failover now could lose it`);
        }
      } catch (error) {
        metrics.offered('error', (performance.now() - sent) / 1000);
        logger.warn(`could not offer **${meal}**: ${(error as Error).message}`);
      }
    },
  });
}

export const cookService: ServiceDefinition = {
  defaultRole: 'producer',
  kind: 'producer',
  usage: 'npm run producer  (node apps/producer/dist/main.js)',
  connection: 'fail-fast',
  run: runCook,
};
