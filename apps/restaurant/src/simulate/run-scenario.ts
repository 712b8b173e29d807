import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RunReport } from '@restaurant/sim';
import { combineReplications, type ReplicationResult } from './combine-replications.js';
import { runReplication, type LiveRunContext } from './run-replication.js';
import type { ScenarioRun } from './scenario-run.js';

export type { LiveRunContext } from './run-replication.js';

/**
 * Runs every replication of a scenario here, one after the other, and builds the report. It
 * yields to the event loop between replications so that progress output keeps flowing.
 */
export async function runScenario(scenario: ScenarioRun, live: LiveRunContext | undefined): Promise<RunReport> {
  const results: ReplicationResult[] = [];
  for (let replication = 0; replication < scenario.replications; replication++) {
    results.push(await runReplication(scenario, replication, live));
    await yieldToEventLoop();
  }
  return combineReplications(scenario, results);
}
