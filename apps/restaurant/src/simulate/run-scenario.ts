import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { buildRunReport, figuresOf, runVirtual, type QueueCounters, type RunReport } from '@restaurant/sim';
import type { RedisTarget } from '../start/redis-target.js';
import { runRedisReplication } from './run-redis-replication.js';
import { replicationSeed, type ScenarioRun } from './scenario-run.js';

/** What the redis engine needs from the command: where Redis is and how to start the services. */
export interface LiveRunContext {
  nodePath: string;
  env: Record<string, string | undefined>;
  /** The Redis (or cluster) the services and the measurements use. */
  redis: RedisTarget;
  onQueue?: (queueName: string) => void;
}

/**
 * Runs every replication of a scenario on its engine and builds the report. The virtual engine
 * yields to the event loop between replications so that progress output keeps flowing.
 */
export async function runScenario(scenario: ScenarioRun, live: LiveRunContext | undefined): Promise<RunReport> {
  const counters: QueueCounters[] = [];
  let events = 0;
  let wallS = 0;
  for (let replication = 0; replication < scenario.replications; replication++) {
    const seed = replicationSeed(scenario.seed, replication);
    let result;
    if (scenario.engine === 'virtual') {
      result = runVirtual({ ...scenario, modelSeconds: scenario.modelHours * 3600, seed });
      await yieldToEventLoop();
    } else {
      if (!live) throw new Error('the redis engine needs a Redis and the services to run');
      result = await runRedisReplication({ ...live, scenario, seed });
    }
    counters.push(result.counters);
    events += result.events;
    wallS += result.wallS;
  }
  return buildRunReport(
    {
      producers: scenario.producers,
      consumers: scenario.consumers,
      capacity: scenario.capacity,
      producerPeriodS: scenario.producerPeriodS,
      consumerMinS: scenario.consumerMinS,
      consumerMaxS: scenario.consumerMaxS,
      cookStart: scenario.cookStart,
      modelHours: scenario.modelHours,
      engine: scenario.engine,
      timeScale: scenario.engine === 'redis' ? scenario.timeScale : null,
      seed: scenario.seed,
      replications: scenario.replications,
    },
    counters.map((c) => figuresOf(c, scenario.capacity)),
    { events, wallS },
  );
}
