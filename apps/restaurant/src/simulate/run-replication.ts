import { runVirtual } from '@restaurant/sim';
import type { RedisTarget } from '../start/redis-target.js';
import type { ReplicationResult } from './combine-replications.js';
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

/** Runs replication `replication` of a scenario, seeded as every path seeds it (`replicationSeed`). */
export async function runReplication(scenario: ScenarioRun, replication: number, live: LiveRunContext | undefined): Promise<ReplicationResult> {
  const seed = replicationSeed(scenario.seed, replication);
  if (scenario.engine === 'virtual') {
    const { counters, events, wallS } = runVirtual({ ...scenario, modelSeconds: scenario.modelHours * 3600, seed });
    return { counters, events, wallS };
  }
  if (!live) throw new Error('the redis engine needs a Redis and the services to run');
  const { counters, events, wallS } = await runRedisReplication({ ...live, scenario, seed });
  return { counters, events, wallS };
}
