import { freePort, parsePrometheusText, sampleValue, spawnNode, startRedisServer, uniqueQueueName, type ChildHarness } from '@restaurant/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from './entries.js';

const SERVICES = [
  ['producer', ENTRIES.producer],
  ['consumer', ENTRIES.consumer],
] as const;

/** The status of GET `path`, or `down` when nothing answers. */
async function probe(port: number, path: string): Promise<number | 'down'> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return 'down';
  }
}

async function until(port: number, path: string, status: number | 'down', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: number | 'down' = 'down';
  while (Date.now() < deadline) {
    last = await probe(port, path);
    if (last === status) return;
    await sleep(100);
  }
  throw new Error(`${path} answered ${last}, not ${status}, for ${timeoutMs} ms`);
}

function start(entry: string, env: Record<string, string>): ChildHarness {
  return spawnNode(entry, {
    env: { PATH: process.env.PATH, QUEUE_NAME: uniqueQueueName('health'), TIME_SCALE: '0.01', LOG_FORMAT: 'json', ...env },
  });
}

describe.each(SERVICES)('%s health endpoints (METRICS_PORT)', (role, entry) => {
  it('is live at once, ready only while Redis answers and the capacity is claimed, and closes on stop', async () => {
    const [httpPort, redisPort] = [await freePort(), await freePort()];
    const service = start(entry, { METRICS_PORT: String(httpPort), REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    let server = undefined as Awaited<ReturnType<typeof startRedisServer>> | undefined;
    try {
      await until(httpPort, '/healthz', 200);
      expect(await probe(httpPort, '/readyz')).toBe(503); // no Redis yet
      server = await startRedisServer({ port: redisPort });
      await until(httpPort, '/readyz', 200);
      await server.stop();
      await until(httpPort, '/readyz', 503);
      expect(await probe(httpPort, '/healthz')).toBe(200);
      server = await startRedisServer({ port: redisPort });
      await until(httpPort, '/readyz', 200, 30_000);
      service.kill('SIGTERM');
      expect((await service.exited).code).toBe(0);
      expect(await probe(httpPort, '/healthz')).toBe('down');
      expect(service.stdoutLines.join('\n')).toMatch(role === 'producer' ? /"event":"ready"/ : /"event":"(taken|empty)"/);
    } finally {
      service.kill('SIGKILL');
      await server?.stop();
    }
  });

  it('serves /metrics in the Prometheus text format: its own counts, labelled with role and queue', async () => {
    const httpPort = await freePort();
    const server = await startRedisServer();
    const queue = uniqueQueueName('metrics');
    const service = start(entry, { METRICS_PORT: String(httpPort), REDIS_URL: server.url, QUEUE_NAME: queue, ROLE_NAME: `${role}_9` });
    try {
      await service.waitForLine(role === 'producer' ? /"event":"ready"/ : /"event":"empty"/);
      await sleep(300); // a few more visits
      const response = await fetch(`http://127.0.0.1:${httpPort}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const families = parsePrometheusText(await response.text());
      const labels = { role: `${role}_9`, queue };
      const events = role === 'producer' ? 'restaurant_offers_total' : 'restaurant_takes_total';
      const outcome = role === 'producer' ? 'ready' : 'empty';
      const logged = service.stdoutLines.filter((line) => line.includes(`"event":"${outcome}"`)).length;
      expect(sampleValue(families, events, { ...labels, outcome })).toBeGreaterThanOrEqual(logged);
      expect(families.find((family) => family.name === 'restaurant_redis_roundtrip_seconds')?.type).toBe('HISTOGRAM');
      expect(families.some((family) => family.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    } finally {
      service.kill('SIGKILL');
      await server.stop();
    }
  });

  it('serves nothing without METRICS_PORT', async () => {
    const port = await freePort();
    const service = start(entry, { REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    await service.waitForLine(/retrying/);
    expect(await probe(port, '/healthz')).toBe('down');
    service.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
  });

  it.each([
    ['a port that is no number', 'http', 'METRICS_PORT="http": must be a whole number from 1 to 65535'],
    ['a port out of range', '70000', 'METRICS_PORT="70000": must be a whole number from 1 to 65535'],
  ])('stops with exit code 2 on %s', async (_, value, problem) => {
    const service = start(entry, { METRICS_PORT: value });
    expect((await service.exited).code).toBe(2);
    expect(service.stderrLines).toEqual(['Invalid configuration:', `  ${problem}`]);
  });

  it('stops with exit code 2 when the port is taken', async () => {
    const httpPort = await freePort();
    const first = start(entry, { METRICS_PORT: String(httpPort), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      await until(httpPort, '/healthz', 200);
      const second = start(entry, { METRICS_PORT: String(httpPort) });
      expect((await second.exited).code).toBe(2);
      expect(second.stderrLines.join('\n')).toMatch(new RegExp(`^METRICS_PORT=${httpPort}: cannot listen there \\(.*EADDRINUSE`));
    } finally {
      first.kill('SIGKILL');
    }
  });
});
