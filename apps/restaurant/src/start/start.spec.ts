import { isAlive, spawnNode, useTestRedis, uniqueQueueName, freePort } from '@restaurant/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { START_OPTIONS } from './restaurant-plan.js';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const LINE = /^\d\d:\d\d:\d\d (producer|producer_\d+|consumer_\d+) +- (\*\*.+\*\* (READY|TAKEN AWAY)|! Food Queue (Empty|Full) !!!)$/;

const redis = useTestRedis();

function launcher(args: string[], env: Record<string, string | undefined> = {}, detached = false) {
  return spawnNode(CLI, {
    args: ['start', '--queue', uniqueQueueName('launch'), ...args],
    env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, REDIS_URL: redis.url, ...env },
    detached,
  });
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function waitForRoles(run: ReturnType<typeof launcher>, roles: string[], timeoutMs = 15_000): Promise<void> {
  for (const role of roles) await run.waitForLine(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${role} +- `), timeoutMs);
}

describe('npm start (the launcher)', () => {
  it('runs the original scenario as three processes and SIGTERM stops them all with exit 0', async () => {
    const run = launcher(['--time-scale', '0.01', '--seed', '5']);
    await waitForRoles(run, ['producer', 'consumer_1', 'consumer_2']);
    const services = childrenOf(run.pid);
    expect(services).toHaveLength(3);

    run.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(services.filter(isAlive)).toEqual([]);
    for (const line of run.stdoutLines) expect(line).toMatch(LINE);
    expect(run.stdoutLines.some((line) => line.includes('producer   - **'))).toBe(true);
  });

  it('with --metrics gives every process its own /metrics port and prints each address', async () => {
    const run = launcher(['--time-scale', '0.01', '--consumers', '2', '--metrics']);
    await waitForRoles(run, ['producer', 'consumer_1', 'consumer_2']);
    const addresses = run.stderrLines.flatMap((line) => /^restaurant: (\S+) metrics at (http:\/\/\S+)$/.exec(line)?.slice(1, 3) ?? []);
    const byRole = new Map(addresses.flatMap((_, i) => (i % 2 === 0 ? [[addresses[i], addresses[i + 1]]] : [])));
    expect([...byRole.keys()].sort()).toEqual(['consumer_1', 'consumer_2', 'producer']);
    expect(new Set(byRole.values()).size).toBe(3);
    for (const [role, url] of byRole) {
      const text = await (await fetch(url)).text();
      expect(text, role).toContain(`role="${role}"`);
      expect(text).toContain(role === 'producer' ? 'restaurant_offers_total' : 'restaurant_takes_total');
    }
    run.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });

  it('stops everything on Ctrl-C (SIGINT to the whole process group) with exit 0', async () => {
    const run = launcher(['--time-scale', '0.01'], {}, true);
    await waitForRoles(run, ['producer', 'consumer_1', 'consumer_2']);
    const services = childrenOf(run.pid);
    process.kill(-run.pid, 'SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(services.filter(isAlive)).toEqual([]);
  });

  it('scales each side and lines up the dashes of longer role names', async () => {
    const run = launcher(['--producers', '2', '--consumers', '11', '--time-scale', '0.01']);
    await waitForRoles(run, ['producer_1', 'producer_2', 'consumer_1', 'consumer_11'], 45_000); // 13 processes start
    run.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(new Set(run.stdoutLines.map((line) => line.indexOf(' - ')))).toEqual(new Set([20]));
  }, 60_000);

  it('with --cook-start staggered, cook 2 starts half a period after cook 1', async () => {
    // A 1000 s period at time scale 0.01 is 10 s of wall time: cook 2 first cooks 5 s after cook
    // 1. Each cook counts its offset from its own start, and on a loaded machine the two processes
    // started up to a second apart (a 1.5 s stagger once measured 0.5 s), hence the margin.
    const run = launcher(['--producers', '2', '--consumers', '0', '--producer-period', '1000', '--time-scale', '0.01', '--cook-start', 'staggered', '--log-format', 'json']);
    await run.waitForLine(/"role":"producer_2".*"event":"ready"/, 25_000);
    run.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    const firstReady = (role: string) =>
      Date.parse(JSON.parse(run.stdoutLines.find((line) => line.includes(`"role":"${role}"`) && line.includes('"event":"ready"')) ?? '{}').time);
    expect(firstReady('producer_2') - firstReady('producer_1')).toBeGreaterThan(3500);
  }, 40_000);

  it('starts its own redis-server when none answers, and removes it afterwards', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'launcher-test-'));
    const run = launcher(['--time-scale', '0.01'], {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      TMPDIR: tmp,
    });
    await run.waitForLine(/\(started here\)/);
    const redisServers = childrenOf(run.pid).filter((pid) => /redis-server/.test(commandOf(pid)));
    expect(redisServers).toHaveLength(1);
    await run.waitForLine(LINE);
    run.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(redisServers.filter(isAlive)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('says in one sentence how to get a Redis when there is none at all', async () => {
    const run = launcher([], { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, PATH: mkdtempSync(join(tmpdir(), 'empty-path-')) });
    expect((await run.exited).code).toBe(1);
    expect(run.stderrLines.at(-1)).toMatch(
      /^No Redis answers at redis:\/\/127\.0\.0\.1:\d+\/? and there is no redis-server on PATH: install redis-server, set REDIS_URL to a running Redis, or run the restaurant with docker compose up\.$/,
    );
  });

  it('rejects bad flags with every problem listed and exit code 2, before starting anything', async () => {
    const run = launcher(['--capacity', '-1', '--consumer-min', '9', '--consumer-max', '2', '--cooks', '3', '--duration', 'soon', '--producers', 'abc']);
    expect((await run.exited).code).toBe(2);
    expect(run.stderrLines).toEqual([
      'Invalid configuration:',
      '  --cooks="3": unknown option; see --help',
      '  --producers="abc": must be a whole number from 0 to 1000',
      '  --duration="soon": must be a duration such as 500ms, 30s, 2m or 1h',
      '  --capacity="-1": must be a whole number from 1 to 1000000000',
      '  --consumer-min="9": must not be greater than the maximum (2)',
    ]);
  });

  it('prints every option with its default from the declarations with --help', async () => {
    const run = spawnNode(CLI, { args: ['start', '--help'] });
    expect((await run.exited).code).toBe(0);
    for (const { flag, spec } of START_OPTIONS) {
      const line = run.stdoutLines.find((row) => row.trimStart().startsWith(`--${flag} `));
      expect(line, flag).toBeDefined();
      const shown = spec.defaultText ?? spec.default;
      if (shown !== undefined) expect(line).toContain(`(${shown})`);
    }
  });
});

function commandOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return '';
  }
}
