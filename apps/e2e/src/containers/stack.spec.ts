/**
 * The README's headline: `docker compose up --scale producer=3 --scale consumer=8` on the
 * repository's own compose file and image, 100 times faster than real time.
 */
import { uniqueQueueName } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackAccounting } from './accounting.js';
import { recordEvents, type ContainerEvent } from './compose-cli.js';
import { useComposeStack } from './compose-stack.js';
import { docBlock } from './doc-blocks.js';
import { eventually } from './stack-waits.js';

const QUEUE = uniqueQueueName('stack');
const CAPACITY = 3;
const stack = useComposeStack('stack', { QUEUE_NAME: QUEUE, QUEUE_CAPACITY: String(CAPACITY), TIME_SCALE: '0.01' });
const APPS = ['producer', 'consumer'];
/** The original's four lines, as the replicas print them: role padded to 21, one space, the dash. */
const ORIGINAL_LINE = /^\d\d:\d\d:\d\d (?<role>(?:producer|consumer)_[0-9a-f]{12}) - (?:\*\*(?<meal>.+)\*\* (?<done>READY|TAKEN AWAY)|! Food Queue (?<miss>Empty|Full) !!!)$/;

let events: { events: ContainerEvent[]; stop(): void };
beforeAll(async () => {
  events = recordEvents(stack.target.project);
  await sleep(1_000); // `docker events` subscribes before anything starts
  await stack.up({ producer: 3, consumer: 8 });
});
afterAll(() => events?.stop());

describe('docker compose up --scale producer=3 --scale consumer=8', () => {
  it('starts Redis healthy before any cook or customer, then reports every container healthy', async () => {
    const redisHealthy = events.events.find((event) => event.service === 'redis' && event.action === 'health_status: healthy');
    const appStarts = events.events.filter((event) => APPS.includes(event.service) && event.action === 'start');
    expect(redisHealthy).toBeDefined();
    expect(appStarts).toHaveLength(11);
    for (const start of appStarts) expect(start.timeMs).toBeGreaterThanOrEqual(redisHealthy?.timeMs as number);

    const status = await stack.compose(['ps', '--format', '{{.Service}} {{.Status}}']);
    const lines = status.split('\n').filter(Boolean);
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line).toMatch(/^(redis|producer|consumer) Up .*\(healthy\)$/);
  });

  it('logs under 11 distinct role names, each the service and its container host name', async () => {
    const containers = (await stack.containers()).filter((container) => APPS.includes(container.service));
    const expected = containers.map((container) => `${container.service}_${container.hostname}`).sort();
    const roles = await eventually('a line from every replica', async () => {
      const seen = new Set((await stack.logLines(...APPS)).map((line) => ORIGINAL_LINE.exec(line)?.groups?.role));
      return expected.every((role) => seen.has(role)) ? [...seen].filter(Boolean).sort() : undefined;
    });
    expect(roles).toEqual(expected);
    expect(new Set(roles).size).toBe(11);
  });

  it("prints all four of the original's line kinds and nothing else", async () => {
    const kinds = (lines: string[]) =>
      new Set(lines.map((line) => { const g = ORIGINAL_LINE.exec(line)?.groups; return g?.done ?? g?.miss; }));
    const lines = await eventually('READY, TAKEN AWAY, Empty and Full', async () => {
      const all = await stack.logLines(...APPS);
      const seen = kinds(all);
      return ['READY', 'TAKEN AWAY', 'Empty', 'Full'].every((kind) => seen.has(kind)) ? all : undefined;
    });
    expect(lines.filter((line) => !ORIGINAL_LINE.test(line)).slice(0, 5)).toEqual([]);
  });

  it('shows in docs/docker.md and README.md the lines as they really appear, prefix and spacing included', async () => {
    // A line's shape: what stays when the time, the container id, the meal and the replica number vary.
    const shape = (line: string) =>
      line
        .replace(/^(producer|consumer)-\d+/, '$1-N')
        .replace(/\d\d:\d\d:\d\d/, 'HH:MM:SS')
        .replace(/_[0-9a-f]{12}\b/, '_<id>')
        .replace(/\*\*[^*]+\*\*/, '**<meal>**');
    const real = new Set((await stack.compose(['logs', '--no-color', ...APPS])).replaceAll('\u001b[2K', '').split('\n').map(shape));
    for (const doc of ['docs/docker.md', 'README.md']) {
      const samples = docBlock(doc, 'compose-lines', 'sample').split('\n').map((line) => line.replace(/^ {2}/, ''));
      const appSamples = samples.filter((line) => /^(producer|consumer)-\d+ +\| /.test(line));
      expect(appSamples.length).toBeGreaterThan(3);
      expect({ doc, unlike: appSamples.filter((line) => !real.has(shape(line))) }).toEqual({ doc, unlike: [] });
    }
  });

  it('never holds more meals than its capacity (sampled from the host)', async () => {
    const redis = new Redis(await stack.redisUrl());
    try {
      const lengths: number[] = [];
      const until = Date.now() + 5_000;
      while (Date.now() < until || !lengths.includes(CAPACITY)) {
        lengths.push(await redis.llen(`{${QUEUE}}:food`));
        if (Date.now() > until + 30_000) break;
      }
      expect(Math.max(...lengths)).toBe(CAPACITY); // reached, so the check is not vacuous
      expect(lengths.length).toBeGreaterThan(500);
    } finally {
      redis.disconnect();
    }
  });

  it('accounts for every accepted meal: report --json on the stack gives lost = 0', async () => {
    const accounting = await stackAccounting(stack);
    expect(accounting.accepted).toBeGreaterThan(0);
    expect(accounting.taken).toBeGreaterThan(0);
    expect(accounting.accepted).toBe(accounting.taken + accounting.queued + accounting.inFlight + accounting.deadLettered);
    expect(accounting.lost).toBe(0);
  });

  it('docker compose stop: every container exits 0 within its grace period', async () => {
    // Docker sends SIGTERM (15), and SIGKILL only once the grace period is over (exit code 137).
    const graceMs: Record<string, number> = { producer: 5_000, consumer: 5_000, redis: 10_000 };
    await stack.compose(['stop']);
    const containers = await stack.containers();
    expect(containers).toHaveLength(12);
    for (const container of containers) {
      const own = events.events.filter((event) => event.containerId === container.id);
      const term = own.find((event) => event.action === 'kill' && event.signal === '15');
      const died = own.find((event) => event.action === 'die');
      const stopped = {
        name: container.name,
        running: container.running,
        exitCode: container.exitCode,
        signals: own.filter((event) => event.action === 'kill').map((event) => event.signal),
        withinGrace: term !== undefined && died !== undefined && died.timeMs - term.timeMs < (graceMs[container.service] as number),
      };
      expect(stopped).toEqual({ name: container.name, running: false, exitCode: 0, signals: ['15'], withinGrace: true });
    }
  });
});
