/**
 * `docker compose --profile sweep up --scale sweeper=2 sweeper`: two workers in containers run a
 * sweep started from the host with --workers bullmq, against the stack's Redis; `stop` lets each
 * one finish and exit 0.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../entries.js';
import { useComposeStack } from './compose-stack.js';
import { eventually } from './stack-waits.js';

const stack = useComposeStack('sweeper', {});
// `down` without the profile leaves the profile's containers; this runs before it (hooks unwind).
afterAll(async () => {
  await stack.compose(['--profile', 'sweep', 'rm', '--force', '--stop', 'sweeper'], 120_000);
}, 180_000);
const GRID = ['--producers', '1..2', '--consumers', '1..3', '--capacity', '3', '--model-hours', '50', '--replications', '2', '--seed', '9'];

beforeAll(async () => {
  await stack.up({});
  await stack.compose(['--profile', 'sweep', 'up', '--detach', '--no-build', '--scale', 'sweeper=2', 'sweeper']);
  await eventually('two sweepers taking jobs', async () => {
    const ready = (await stack.logLines('sweeper')).filter((line) => line.includes('taking jobs'));
    return ready.length === 2 ? ready : undefined;
  });
});

/** summary.md and chart.svg of a sweep, but for the engine's wall seconds, which differ between any two runs. */
async function sweep(extra: string[]): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'sweeper-'));
  await promisify(execFile)(process.execPath, [ENTRIES.restaurant, 'sweep', ...GRID, '--out', out, ...extra], { timeout: 120_000 });
  return [readFileSync(join(out, 'summary.md'), 'utf8').replace(/events in [\d.]+ s/, 'events in ? s'), readFileSync(join(out, 'chart.svg'), 'utf8')];
}

describe('the sweeper service', () => {
  it('runs the jobs of a sweep from the host, which writes what a local sweep writes', async () => {
    // The stack's Redis is its own, so the default job queue is this test's alone.
    const distributed = await sweep(['--workers', 'bullmq', '--redis-url', await stack.redisUrl()]);
    expect(distributed).toEqual(await sweep([]));
    const lines = await stack.logLines('sweeper');
    expect(lines.filter((line) => line.includes('failed'))).toEqual([]);
  });

  it('stops gracefully: both workers exit 0 on SIGTERM', async () => {
    await stack.compose(['--profile', 'sweep', 'stop', 'sweeper'], 120_000);
    const workers = await stack.containers('sweeper');
    expect(workers.map((worker) => [worker.running, worker.exitCode])).toEqual([
      [false, 0],
      [false, 0],
    ]);
  });
});
