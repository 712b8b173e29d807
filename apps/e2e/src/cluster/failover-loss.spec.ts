import { BoundedQueue, closeRedis, newFoodItem } from '@restaurant/queue';
import { startRedisCluster, uniqueQueueName } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { connectToCluster } from './cluster-client.js';
import { failOver } from './master-of.js';

const TRIALS = 3;
const IN_FLIGHT = 8;

interface Trial {
  acknowledged: number;
  lost: number;
  offersPerSecond: number;
}

/**
 * A cook offering as fast as it can (8 offers in flight) while the master of its queue is killed
 * with SIGKILL: which offers Redis acknowledged are gone once a replica has taken over?
 */
async function failoverTrial(waitReplicas: number): Promise<Trial> {
  const cluster = await startRedisCluster({ nodeTimeoutMs: 1000 });
  const redis = await connectToCluster(cluster, 'fail-fast');
  try {
    const waitForReplicas = waitReplicas > 0 ? { count: waitReplicas, timeoutMs: 1000 } : undefined;
    const queue = new BoundedQueue(redis, uniqueQueueName('loss'), 10_000_000, { waitForReplicas });
    await queue.claimCapacity();
    const acknowledged = new Set<string>();
    let running = true;
    const offerLoop = async (): Promise<void> => {
      while (running) {
        const item = newFoodItem('Fried Rice', 'producer');
        try {
          const { status, replicas } = await queue.offer(item);
          if (status === 'ready' && (replicas ?? 0) >= waitReplicas) acknowledged.add(item.id);
        } catch {
          await sleep(20); // the master is gone: as a cook does, drop this meal and go on
        }
      }
    };
    const loops = Array.from({ length: IN_FLIGHT }, offerLoop);
    await sleep(1000);
    const offersPerSecond = acknowledged.size;
    await failOver(cluster, queue.name);
    await sleep(500);
    running = false;
    await Promise.all(loops);
    const kept = new Set((await redis.lrange(queue.keys.items, 0, -1)).map((raw) => (JSON.parse(raw) as { id: string }).id));
    return { acknowledged: acknowledged.size, lost: [...acknowledged].filter((id) => !kept.has(id)).length, offersPerSecond };
  } finally {
    await closeRedis(redis);
    await cluster.stop();
  }
}

describe('acknowledged offers lost in a failover (asynchronous replication)', () => {
  const results: Array<[string, Trial]> = [];

  it.each([
    ['offers acknowledged by the master alone (OFFER_WAIT_REPLICAS=0)', 0],
    ['offers that wait for one replica (OFFER_WAIT_REPLICAS=1)', 1],
  ])('%s', async (label, waitReplicas) => {
    for (let trial = 0; trial < TRIALS; trial++) results.push([label, await failoverTrial(waitReplicas)]);
    const mine = results.filter(([which]) => which === label).map(([, result]) => result);
    for (const { acknowledged } of mine) expect(acknowledged).toBeGreaterThan(0);
    // WAIT returned only after the replica had the write, so the replica that takes over has it.
    if (waitReplicas > 0) expect(mine.map(({ lost }) => lost)).toEqual(mine.map(() => 0));
    console.log(
      [`\n${label}, ${TRIALS} failovers:`, '| failover | acknowledged | lost | offers/s before |', '| ---: | ---: | ---: | ---: |']
        .concat(mine.map(({ acknowledged, lost, offersPerSecond }, i) => `| ${i + 1} | ${acknowledged} | ${lost} | ${offersPerSecond} |`))
        .join('\n'),
    );
  }, 240_000);
});
