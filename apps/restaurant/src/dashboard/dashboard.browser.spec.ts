// The functions given to page.evaluate run in the browser, with its DOM.
/// <reference lib="dom" />
import { BoundedQueue, newFoodItem } from '@restaurant/queue';
import { freePort, spawnNode, startRedisServer, uniqueQueueName, type RedisServerProcess } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../commands/report.js';
import type { LiveReportJson } from '../report/read-live-queue.js';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { openHeadlessChromium } from '../testing/headless-chromium.js';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const CONSUMER = fileURLToPath(new URL('../../../consumer/dist/main.js', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../../test-results/dashboard.png', import.meta.url));

/** 20 model seconds a wall second: a cook offers 6.7 meals a second, a customer visits at most 6.7 times. */
const TIME_SCALE = 0.05;
const MOST_PER_SECOND = { ready: 20 / 3, full: 20 / 3, accepted: 20 / 3, taken: 3 * (20 / 3), empty: 3 * (20 / 3) };
const METRICS = ['length', 'capacity', 'ready', 'full', 'taken', 'empty', 'accepted', 'lost'] as const;
type Figures = Record<(typeof METRICS)[number], number> & { at: number };

/** Every data-metric number on the page, and when the frame they come from was read. */
async function pageFigures(page: Page): Promise<Figures> {
  return page.evaluate((metrics) => {
    const figures: Record<string, number> = { at: Number(document.querySelector<HTMLElement>('#updated')?.dataset.at) };
    for (const metric of metrics) figures[metric] = Number(document.querySelector(`[data-metric="${metric}"]`)?.textContent);
    return figures as Figures;
  }, [...METRICS]);
}

/** `report --json`, read in this process, and the same figures as the page names them. */
async function reportFigures(redisUrl: string, queue: string): Promise<Figures> {
  const io = fakeCliIo({ REDIS_URL: redisUrl });
  const at = Date.now();
  expect(await reportCommand.run(['--queue', queue, '--json'], io)).toBe(0);
  const report = JSON.parse(io.out()) as LiveReportJson;
  const count = (perHour: number): number => Math.round(perHour * report.scenario.modelHours);
  return {
    at: (at + Date.now()) / 2,
    length: report.accounting.queued,
    capacity: report.scenario.capacity,
    ready: report.accounting.accepted,
    full: count(report.perHour.full),
    taken: report.accounting.taken,
    empty: count(report.perHour.empty),
    accepted: report.accounting.accepted,
    lost: report.accounting.lost,
  };
}

async function rolesIn(page: Page, list: '#actors-alive' | '#actors-gone'): Promise<string[]> {
  return page.$$eval(`${list} [data-actor]`, (items) => items.map((item) => (item as HTMLElement).dataset.actor ?? '').sort());
}

function childrenOf(pid: number): number[] {
  return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
}

describe('the dashboard in a real browser', () => {
  it('shows a running local kitchen as report --json sees it, live, and through a Redis restart', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dashboard-redis-'));
    const persisted = ['--appendonly', 'yes', '--appendfsync', 'always'];
    const port = await freePort();
    let redis: RedisServerProcess = await startRedisServer({ port, dir, extraArgs: persisted });
    const queue = uniqueQueueName('browser');
    const env = { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, REDIS_URL: redis.url };
    const kitchen = spawnNode(CLI, { args: ['start', '--queue', queue, '--time-scale', String(TIME_SCALE), '--seed', '3', '--dashboard', '--dashboard-port', '0'], env });
    const browser = await openHeadlessChromium();
    let extra: ReturnType<typeof spawnNode> | undefined;
    try {
      const address = /dashboard at (http:\/\/\S+)/.exec(await kitchen.waitForLine(/restaurant: dashboard at http:/))?.[1] ?? '';
      expect(address).toBe(`${address.split('?')[0]}?queue=${queue}`);
      await kitchen.waitForLine(/consumer_2 +- /);
      // a customer of its own, to kill later: the launcher would stop the whole kitchen for one of its own
      extra = spawnNode(CONSUMER, { env: { ...env, QUEUE_NAME: queue, TIME_SCALE: String(TIME_SCALE), ROLE_NAME: 'consumer_extra' } });
      const { page } = browser;
      await page.goto(address);
      await expect.poll(() => rolesIn(page, '#actors-alive'), { timeout: 15_000 }).toEqual(['consumer_1', 'consumer_2', 'consumer_extra', 'producer']);
      expect(await page.locator('#queue-select').inputValue()).toBe(queue);

      // Live: each count within the events of the time between the page's frame and the report's read.
      await expect.poll(async () => (await pageFigures(page)).ready, { timeout: 10_000 }).toBeGreaterThan(10);
      const shown = await pageFigures(page);
      const read = await reportFigures(redis.url, queue);
      const apart = Math.abs(read.at - shown.at) / 1000;
      expect(apart).toBeLessThan(3); // the page is at most a frame or two behind
      for (const kind of ['ready', 'full', 'taken', 'empty', 'accepted'] as const) {
        expect(Math.abs(read[kind] - shown[kind]), kind).toBeLessThanOrEqual(Math.ceil(MOST_PER_SECOND[kind] * apart) + 1);
      }
      expect(shown).toMatchObject({ capacity: 3, lost: 0 });
      expect(shown.length).toBeLessThanOrEqual(3);

      // Frozen: with every cook and customer stopped, every figure equals the report's.
      const services = [...childrenOf(kitchen.pid), extra.pid];
      expect(services).toHaveLength(4);
      services.forEach((pid) => process.kill(pid, 'SIGSTOP'));
      try {
        const frozenAt = Date.now() + 500; // a command sent just before the stop has been answered by then
        await expect.poll(async () => (await pageFigures(page)).at, { timeout: 10_000 }).toBeGreaterThan(frozenAt);
        const onPage = await pageFigures(page);
        const inReport = await reportFigures(redis.url, queue);
        expect({ ...onPage, at: 0 }).toEqual({ ...inReport, at: 0 });

        // A second kitchen on the same Redis: the table of every queue shows each and the total.
        const otherClient = new Redis(redis.url);
        const other = new BoundedQueue(otherClient, `${queue}-b`, 2);
        await other.claimCapacity();
        await other.offer(newFoodItem('Second Soup', 'producer'));
        await otherClient.quit();
        const cells = (name: string) => page.$$eval(`#kitchens-table tr[data-queue="${name}"] td`, (tds) => tds.map((td) => td.textContent));
        await expect.poll(() => cells('total'), { timeout: 10_000 }).toEqual(
          ['total', `${onPage.length + 1} / 5`, onPage.ready + 1, onPage.full, onPage.taken, onPage.empty, onPage.accepted + 1, 0].map(String),
        );
        expect(await cells(queue)).toEqual([queue, `${onPage.length} / 3`, onPage.ready, onPage.full, onPage.taken, onPage.empty, onPage.accepted, 0].map(String));
      } finally {
        services.forEach((pid) => process.kill(pid, 'SIGCONT'));
      }

      // The chart grows a point a second.
      const points = async (): Promise<number> => Number(await page.locator('#length-chart').getAttribute('data-points'));
      const pointsBefore = await points();
      expect(pointsBefore).toBeGreaterThan(3);
      await expect.poll(points, { timeout: 10_000 }).toBeGreaterThanOrEqual(pointsBefore + 3);
      expect(await page.locator('#length-chart polyline.length').getAttribute('points')).toMatch(/^(\d+(\.\d+)?,\d+(\.\d+)? ?)+$/);

      // A killed customer leaves the live list within the 3 s it may stay silent.
      extra.kill('SIGKILL');
      await expect.poll(() => rolesIn(page, '#actors-alive'), { timeout: 10_000 }).toEqual(['consumer_1', 'consumer_2', 'producer']);
      expect(await rolesIn(page, '#actors-gone')).toEqual(['consumer_extra']);
      await expect.poll(async () => (await page.locator('#model-table tbody tr').count())).toBe(8);
      await mkdir(join(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Redis away: the page says so; back: the message clears by itself and the figures move on.
      await redis.stop({ keepDir: true });
      const problem = page.locator('#problem');
      await expect.poll(() => problem.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await problem.textContent()).toMatch(/^Redis unreachable/);
      const readyWhileAway = (await pageFigures(page)).ready;
      redis = await startRedisServer({ port, dir, extraArgs: persisted });
      await expect.poll(() => problem.isVisible(), { timeout: 20_000 }).toBe(false);
      await expect.poll(async () => (await pageFigures(page)).ready, { timeout: 15_000 }).toBeGreaterThan(readyWhileAway);

      // Another queue from the selector's list, and one that does not exist.
      const options = await page.locator('#queue-select option').allTextContents();
      expect(options).toContain(queue);
      const unknown = uniqueQueueName('browser-none');
      await page.goto(`${address.split('?')[0]}?queue=${unknown}`);
      await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Unknown queue: queue "${unknown}" has no capacity`));

      kitchen.kill('SIGTERM');
      expect(await kitchen.exited).toEqual({ code: 0, signal: null });
    } finally {
      extra?.kill('SIGKILL');
      kitchen.kill('SIGKILL');
      await browser.close();
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
