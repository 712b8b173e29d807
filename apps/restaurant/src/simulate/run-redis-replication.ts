import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BoundedQueue, closeRedis, readQueueSnapshot, type QueueSnapshot, type RedisClient } from '@restaurant/queue';
import { consumerRoles, cookOffsetS, producerRoles } from '@restaurant/service';
import { countersBetween, type QueueCounters } from '@restaurant/sim';
import { openRedis, targetEnv, type RedisTarget } from '../start/redis-target.js';
import { runRestaurant } from '../start/run-restaurant.js';
import type { ScenarioRun } from './scenario-run.js';

export interface RedisReplicationOptions {
  nodePath: string;
  /** The environment the services inherit; the scenario's settings are added to it. */
  env: Record<string, string | undefined>;
  redis: RedisTarget;
  scenario: ScenarioRun;
  seed: number;
  /** Told the fresh queue's name as soon as it exists, e.g. for `report --queue` meanwhile. */
  onQueue?: (queueName: string) => void;
}

export interface RedisReplicationResult {
  counters: QueueCounters;
  events: number;
  wallS: number;
}

/** Longest wait for every service process to start and act once. */
const START_TIMEOUT_MS = 20_000;
/** Extra wall time after that, so that the counted span starts with every actor in its rhythm. */
const SETTLE_MS = 500;
const POLL_MS = 20;

/**
 * One live run: the real cook and customer processes on a fresh queue, measured between two
 * snapshots of the queue's counters taken by the server's clock. The first snapshot is taken
 * once every process runs, so the slow start of processes does not count; the second one model
 * duration later, before the processes are asked to stop. The queue is removed afterwards.
 */
export async function runRedisReplication(options: RedisReplicationOptions): Promise<RedisReplicationResult> {
  const { scenario } = options;
  const queueName = `simulate-${randomBytes(6).toString('hex')}`;
  const redis = await openRedis(options.redis);
  const queue = new BoundedQueue(redis, queueName, scenario.capacity);
  const stop = new AbortController();
  let running: Promise<number> | undefined;
  try {
    await queue.claimCapacity();
    await redis.hset(queue.keys.meta, 'scenario', JSON.stringify({ ...scenario, seed: options.seed, replications: 1 }));
    options.onQueue?.(queueName);
    let unexpectedExit: string | undefined;
    running = runRestaurant({
      nodePath: options.nodePath,
      producers: producerRoles(scenario.producers),
      consumers: consumerRoles(scenario.consumers),
      env: {
        ...options.env,
        ...targetEnv(options.redis),
        QUEUE_NAME: queueName,
        QUEUE_CAPACITY: String(scenario.capacity),
        PRODUCER_PERIOD_S: String(scenario.producerPeriodS),
        CONSUMER_MIN_S: String(scenario.consumerMinS),
        CONSUMER_MAX_S: String(scenario.consumerMaxS),
        TIME_SCALE: String(scenario.timeScale),
        SEED: String(options.seed),
        LOG_FORMAT: 'json',
      },
      producerEnv: (index) => ({
        PRODUCER_OFFSET_S: String(cookOffsetS(scenario.cookStart, index, scenario.producers, scenario.producerPeriodS)),
      }),
      durationMs: undefined,
      signal: stop.signal,
      stdout: 'ignore',
      onUnexpectedExit: (role, code) => {
        unexpectedExit = `${role} stopped by itself with exit code ${code}`;
      },
    });
    const ended = running.then(() => true);
    const failIfEnded = async (): Promise<void> => {
      if (await Promise.race([ended, Promise.resolve(false)])) {
        throw new Error(`the live run ended early: ${unexpectedExit ?? 'the services stopped'}`);
      }
    };

    await untilEveryActorActed(redis, queueName, scenario, failIfEnded);
    await sleep(SETTLE_MS);
    const before = await readQueueSnapshot(redis, queueName);
    await Promise.race([sleep(scenario.modelHours * 3600 * scenario.timeScale * 1000), ended]);
    await failIfEnded();
    const after = await readQueueSnapshot(redis, queueName);
    const counters = countersBetween(before, after, scenario.timeScale);
    return {
      counters,
      events: counters.ready + counters.full + counters.taken + counters.empty,
      wallS: (after.nowUs - before.nowUs) / 1e6,
    };
  } finally {
    stop.abort();
    await running;
    await queue.destroy().catch(() => undefined);
    await closeRedis(redis);
  }
}

async function untilEveryActorActed(
  redis: RedisClient,
  queueName: string,
  scenario: ScenarioRun,
  failIfEnded: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const snapshot: QueueSnapshot = await readQueueSnapshot(redis, queueName);
    const count = (field: string): number => Number(snapshot.stats[field] ?? 0);
    if (count('ready') + count('full') >= scenario.producers && count('taken') + count('empty') >= scenario.consumers) return;
    await failIfEnded();
    if (Date.now() > deadline) throw new Error(`the services did not start within ${START_TIMEOUT_MS / 1000} s`);
    await sleep(POLL_MS);
  }
}
