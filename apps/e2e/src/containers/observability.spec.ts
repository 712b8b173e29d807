/**
 * `docker compose --profile observability up`: the dashboard as the stack's published port, and
 * Prometheus finding every scaled replica by Docker's DNS, with the sums agreeing with the
 * queue's own count.
 */
import { freePort, uniqueQueueName } from '@restaurant/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useComposeStack } from './compose-stack.js';
import { eventually } from './stack-waits.js';

const QUEUE = uniqueQueueName('observed');
let dashboardPort: number;
const env: Record<string, string> = { QUEUE_NAME: QUEUE, QUEUE_CAPACITY: '5', TIME_SCALE: '0.01', COMPOSE_PROFILES: 'observability' };
const stack = useComposeStack('observed', env);

/** A PromQL query's value, asked of the stack's Prometheus with its own promtool (nothing is published). */
async function query(expression: string): Promise<number | undefined> {
  const output = await stack.compose(['exec', '-T', 'prometheus', 'promtool', 'query', 'instant', '-o', 'json', 'http://localhost:9090', expression]);
  const [sample] = JSON.parse(output) as Array<{ value: [number, string] }>;
  return sample === undefined ? undefined : Number(sample.value[1]);
}

beforeAll(async () => {
  dashboardPort = await freePort();
  env.DASHBOARD_PORT = String(dashboardPort);
  await stack.up({ producer: 3, consumer: 2 });
}, 300_000);

describe('docker compose --profile observability up --scale producer=3 --scale consumer=2', () => {
  it('publishes the dashboard, whose API answers for the queue', async () => {
    const response = await fetch(`http://127.0.0.1:${dashboardPort}/api/queues/${QUEUE}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scenario: { capacity: 5 }, accounting: { lost: 0 } });
  });

  it("finds every replica by Docker's DNS: three cooks, two customers and the dashboard are up", async () => {
    const targets = await eventually('every target scraped', async () => {
      const [cooks, customers, queues] = await Promise.all(['cooks', 'customers', 'queues'].map((job) => query(`count(up{job="${job}"} == 1)`)));
      return cooks === 3 && customers === 2 && queues === 1 ? { cooks, customers, queues } : undefined;
    }, 90_000, 2_000);
    expect(targets).toEqual({ cooks: 3, customers: 2, queues: 1 });
  }, 120_000);

  it("sums the cooks' offers per second within 5% of the queue's own count", async () => {
    // A rate over a minute needs a minute of scrapes: wait until the window is full.
    const rates = await eventually('a minute of scrapes', async () => {
      const cooks = await query('sum(rate(restaurant_offers_total[1m]))');
      const queue = await query(`sum(rate(restaurant_queue_events_total{queue="${QUEUE}",kind=~"ready|full"}[1m]))`);
      const samples = await query(`count_over_time(restaurant_queue_length{queue="${QUEUE}"}[1m])`);
      return cooks !== undefined && queue !== undefined && (samples ?? 0) >= 11 ? { cooks, queue } : undefined;
    }, 180_000, 5_000);
    console.log(`offers per second over the last minute: the cooks' sum ${rates.cooks.toFixed(2)}, the queue's count ${rates.queue.toFixed(2)}`);
    expect(rates.queue).toBeGreaterThan(10);
    expect(Math.abs(rates.cooks - rates.queue) / rates.queue).toBeLessThan(0.05);
  }, 200_000);
});
