import { BoundedQueue, newFoodItem, startPresence } from '@restaurant/queue';
import { runReportSchema } from '@restaurant/sim';
import { startRedisServer, uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { Redis } from 'ioredis';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../commands/report.js';
import type { KitchensSummary } from '../report/queue-summary.js';
import type { LiveReportJson } from '../report/read-live-queue.js';
import { openFrameStream } from '../testing/event-stream-reader.js';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { startDashboard, type Dashboard } from './dashboard-server.js';

const redis = useTestRedis();
let dashboard: Dashboard;

beforeAll(async () => {
  dashboard = await startDashboard({ redis: { url: redis.url }, host: '127.0.0.1', port: 0, defaultQueue: 'kitchen', intervalMs: 200 });
});
afterAll(async () => {
  await dashboard?.close();
});

async function reportJson(queue: string): Promise<LiveReportJson> {
  const io = fakeCliIo({ REDIS_URL: redis.url });
  expect(await reportCommand.run(['--queue', queue, '--json'], io)).toBe(0);
  return JSON.parse(io.out()) as LiveReportJson;
}

/** A queue that has seen every kind of event: 3 accepted (1 taken, 1 set aside, 1 queued), 1 dropped, 1 empty visit. */
async function usedQueue(): Promise<BoundedQueue> {
  const queue = new BoundedQueue(redis.client(), uniqueQueueName('dash'), 1);
  await queue.claimCapacity();
  await queue.take();
  await queue.offer(newFoodItem('Pumpkin Soup', 'producer'));
  await queue.offer(newFoodItem('Fried Rice', 'producer'));
  await queue.take();
  await queue.offer(newFoodItem('Apple Pie', 'producer'));
  const taken = await queue.take();
  if (taken.status !== 'taken') throw new Error('the queue should have had a meal');
  await queue.deadLetter({ reason: 'not JSON', raw: taken.raw, by: 'consumer_1', at: '2026-01-01T00:00:00.000Z' }, 'taken');
  await queue.offer(newFoodItem('Beef Goulash', 'producer'));
  return queue;
}

function family(families: PrometheusFamily[], name: string): PrometheusFamily {
  const found = families.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no metric family ${name} in /metrics`);
  return found;
}

function valueOf(found: PrometheusFamily, labels: Record<string, string>): number {
  const sample = found.metrics.find((metric) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value));
  if (!sample) throw new Error(`no sample of ${found.name} with ${JSON.stringify(labels)}`);
  return Number(sample.value);
}

describe('the dashboard API', () => {
  it('answers GET /api/queues/<name> with exactly what report --json prints', async () => {
    // A queue whose length never changed has no time in it, so two reads agree to the last digit.
    const still = new BoundedQueue(redis.client(), uniqueQueueName('dash-still'), 2);
    await still.claimCapacity();
    await still.take();
    const response = await fetch(`${dashboard.url}api/queues/${still.name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(await reportJson(still.name));

    const moving = await usedQueue();
    const api = (await (await fetch(`${dashboard.url}api/queues/${moving.name}`)).json()) as LiveReportJson;
    const report = await reportJson(moving.name);
    expect(runReportSchema.safeParse(api).success).toBe(true);
    expect(api.accounting).toEqual(report.accounting);
    expect(api.accounting).toMatchObject({ accepted: 3, taken: 1, queued: 1, deadLettered: 1, lost: 0 });
    expect({ ...api.scenario, modelHours: 0 }).toEqual({ ...report.scenario, modelHours: 0 });
    expect(api.fullFraction).toBe(report.fullFraction);
    expect(api.emptyFraction).toBe(report.emptyFraction);
  });

  it('lists every queue on that Redis, with the one to show first', async () => {
    const queue = await usedQueue();
    const body = (await (await fetch(`${dashboard.url}api/queues`)).json()) as { defaultQueue: string; queues: string[] };
    expect(body.defaultQueue).toBe('kitchen');
    expect(body.queues).toContain(queue.name);
  });

  it('answers GET /api/kitchens with every queue and their total, their total', async () => {
    const first = await usedQueue();
    const second = await usedQueue();
    const kitchens = async () => (await (await fetch(`${dashboard.url}api/kitchens`)).json()) as KitchensSummary;
    await expect.poll(async () => (await kitchens()).queues.map((queue) => queue.queue)).toEqual(expect.arrayContaining([first.name, second.name]));
    const { queues, total } = await kitchens();
    const ours = queues.find((queue) => queue.queue === first.name);
    expect(ours).toMatchObject({ length: 1, capacity: 1, counts: { ready: 3, full: 1, taken: 1, empty: 1 }, fullFraction: 0.25, emptyFraction: 0.5 });
    expect(total.queue).toBe('total');
    expect(total.accounting.accepted).toBe(queues.reduce((sum, queue) => sum + queue.accounting.accepted, 0));
    expect(total.capacity).toBe(queues.reduce((sum, queue) => sum + queue.capacity, 0));

    await first.offer(newFoodItem('Late Soup', 'producer')); // full, and seen once the shared read is a second old
    await expect.poll(async () => (await kitchens()).queues.find((queue) => queue.queue === first.name)?.counts.full).toBe(2);
  });

  it('answers 404 with the reason for a queue nobody has used, and for a name that is no queue name', async () => {
    const unknown = uniqueQueueName('dash-none');
    const response = await fetch(`${dashboard.url}api/queues/${unknown}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe(`queue "${unknown}" has no capacity stored in Redis: no cook or customer has used it (check --queue and --redis-url)`);
    const invalid = await fetch(`${dashboard.url}api/queues/${encodeURIComponent('no spaces')}`);
    expect(invalid.status).toBe(404);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/^"no spaces" is not a queue name/);
  });

  it('streams a frame a second with the figures, who is running and the newest dead letters', async () => {
    const queue = await usedQueue();
    const presence = startPresence(redis.client(), queue.keys, { role: 'consumer_1', kind: 'consumer' });
    presence.record('taken');
    const stream = await openFrameStream(`${dashboard.url}api/queues/${queue.name}/events`);
    try {
      const frame = await stream.next((candidate) => candidate.status === 'ok' && candidate.actors.length > 0);
      if (frame.status !== 'ok') throw new Error('unreachable');
      expect(frame).toMatchObject({ queue: queue.name, length: 1, capacity: 1, counts: { ready: 3, full: 1, taken: 1, empty: 1 } });
      expect(frame.report.accounting).toEqual(frame.accounting);
      expect(frame.actors).toEqual([expect.objectContaining({ role: 'consumer_1', kind: 'consumer', alive: true })]);
      expect(frame.deadLetters.total).toBe(1);
      expect(frame.deadLetters.latest).toEqual([
        { reason: 'not JSON', by: 'consumer_1', at: '2026-01-01T00:00:00.000Z', raw: expect.stringContaining('Apple Pie') },
      ]);
      expect(frame.prediction).toEqual({ status: 'none', message: expect.stringContaining('no scenario is stored') });
      const later = await stream.next();
      expect(later.at - frame.at).toBeGreaterThanOrEqual(150);
      expect(later.history.length).toBeGreaterThan(frame.history.length);
    } finally {
      stream.close();
      await presence.stop();
    }
  });

  it('says so on the page\'s stream when the queue is unknown or its name is no queue name', async () => {
    for (const [name, message] of [
      [uniqueQueueName('dash-none'), /has no capacity stored in Redis/],
      ['bad name!', /is not a queue name/],
    ] as const) {
      const stream = await openFrameStream(`${dashboard.url}api/queues/${encodeURIComponent(name)}/events`);
      expect(await stream.next()).toMatchObject({ status: 'unknown-queue', queue: name, message: expect.stringMatching(message) });
      stream.close();
    }
  });

  it('serves the page with an element for each live figure, its files, and nothing else', async () => {
    const page = await fetch(dashboard.url);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    for (const metric of ['length', 'capacity', 'ready', 'full', 'taken', 'empty', 'accepted', 'lost']) {
      expect(html).toContain(`data-metric="${metric}"`);
    }
    expect(html).toContain('src="/dashboard.js"');
    expect(html).toContain('href="/dashboard.css"');
    for (const file of ['dashboard.js', 'length-chart.js', 'dashboard.css']) expect((await fetch(`${dashboard.url}${file}`)).status).toBe(200);
    expect((await fetch(`${dashboard.url}dashboard.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${dashboard.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}nothing-here`)).status).toBe(404);
    expect((await fetch(dashboard.url, { method: 'POST' })).status).toBe(405);
  });
});

describe('GET /metrics', () => {
  it('parses as the Prometheus text format, with each queue\'s figures once', async () => {
    const queue = await usedQueue();
    const response = await fetch(`${dashboard.url}metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusTextFormat(await response.text());
    const labels = { queue: queue.name };
    expect(family(families, 'restaurant_queue_length').type).toBe('GAUGE');
    expect(valueOf(family(families, 'restaurant_queue_length'), labels)).toBe(1);
    expect(valueOf(family(families, 'restaurant_queue_capacity'), labels)).toBe(1);
    const events = family(families, 'restaurant_queue_events_total');
    expect(events.type).toBe('COUNTER');
    const kinds = Object.fromEntries(['ready', 'full', 'taken', 'empty'].map((kind) => [kind, valueOf(events, { ...labels, kind })]));
    // a meal set aside as unreadable no longer counts as taken
    expect(kinds).toEqual({ ready: 3, full: 1, taken: 1, empty: 1 });
    const accounting = family(families, 'restaurant_queue_accounting');
    const fields = ['accepted', 'taken', 'queued', 'in_flight', 'dead_lettered', 'redelivered', 'duplicates', 'lost'];
    expect(Object.fromEntries(fields.map((field) => [field, valueOf(accounting, { ...labels, field })]))).toEqual({
      accepted: 3, taken: 1, queued: 1, in_flight: 0, dead_lettered: 1, redelivered: 0, duplicates: 0, lost: 0,
    });
    expect(valueOf(family(families, 'restaurant_dashboard_redis_up'), {})).toBe(1);
    expect(events.metrics.filter((metric) => metric.labels?.queue === queue.name)).toHaveLength(4);
    for (const found of families) for (const metric of found.metrics) expect(Number.isFinite(Number(metric.value))).toBe(true);
  });

  it('is read with a parser that refuses what is not the text format', () => {
    expect(() => parsePrometheusTextFormat('restaurant_queue_length{queue="kitchen" 1\n')).toThrow(/invalid line/);
  });
});

describe('Redis going away', () => {
  it('shows on the stream, the API and /metrics, and the dashboard recovers by itself when Redis is back', async () => {
    // persisted to an append-only file in a folder of the test's, so the restart keeps the queue
    const dir = await mkdtemp(join(tmpdir(), 'dash-fault-'));
    const persisted = ['--appendonly', 'yes', '--appendfsync', 'always'];
    const server = await startRedisServer({ dir, extraArgs: persisted });
    let restarted: Awaited<ReturnType<typeof startRedisServer>> | undefined;
    const own = await startDashboard({ redis: { url: server.url }, host: '127.0.0.1', port: 0, defaultQueue: 'kitchen', intervalMs: 200 });
    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    const queue = new BoundedQueue(admin, uniqueQueueName('dash-fault'), 3);
    await queue.claimCapacity();
    await queue.offer(newFoodItem('Thai Beef Salad', 'producer'));
    admin.disconnect();
    const stream = await openFrameStream(`${own.url}api/queues/${queue.name}/events`);
    try {
      await stream.next((frame) => frame.status === 'ok');
      await server.stop({ keepDir: true });
      const down = await stream.next((frame) => frame.status !== 'ok');
      expect(down).toMatchObject({ status: 'redis-unreachable', message: expect.stringMatching(/^Redis unreachable at redis:\/\/127\.0\.0\.1:\d+/) });
      expect((await fetch(`${own.url}api/queues/${queue.name}`)).status).toBe(503);
      const metrics = parsePrometheusTextFormat(await (await fetch(`${own.url}metrics`)).text());
      expect(valueOf(family(metrics, 'restaurant_dashboard_redis_up'), {})).toBe(0);

      restarted = await startRedisServer({ dir, port: server.port, extraArgs: persisted });
      const back = await stream.next((frame) => frame.status !== 'redis-unreachable', 15_000);
      expect(back).toMatchObject({ status: 'ok', length: 1 });
      expect((await fetch(`${own.url}healthz`)).status).toBe(200);
    } finally {
      stream.close();
      await own.close();
      await restarted?.stop();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
