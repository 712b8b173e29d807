import { parsePrometheusText, sampleValue } from '@restaurant/testing';
import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from './service-metrics.js';

describe('service metrics', () => {
  it('count offers, takes, returns and dead letters, labelled with the role and the queue, in the Prometheus text format', async () => {
    const process_ = createServiceMetrics({ role: 'producer_1' });
    const metrics = process_.forQueue('kitchen');
    metrics.offered('ready', 0.0004);
    metrics.offered('ready', 0.0006);
    metrics.offered('full', 0.003);
    metrics.took('empty', 0.0002);
    metrics.reclaimed(2);
    metrics.deadLettered(1);

    const families = parsePrometheusText(await process_.registry.metrics());
    const labels = { role: 'producer_1', queue: 'kitchen' };
    expect(sampleValue(families, 'restaurant_offers_total', { ...labels, outcome: 'ready' })).toBe(2);
    expect(sampleValue(families, 'restaurant_offers_total', { ...labels, outcome: 'full' })).toBe(1);
    expect(sampleValue(families, 'restaurant_offers_total', { ...labels, outcome: 'error' })).toBe(0);
    expect(sampleValue(families, 'restaurant_takes_total', { ...labels, outcome: 'empty' })).toBe(1);
    expect(sampleValue(families, 'restaurant_reclaimed_total', labels)).toBe(2);
    expect(sampleValue(families, 'restaurant_dead_lettered_total', labels)).toBe(1);
    expect(families.find((family) => family.name === 'restaurant_redis_roundtrip_seconds')?.type).toBe('HISTOGRAM');
    // the default process metrics: event-loop lag, heap, GC
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes', 'process_cpu_seconds_total']) {
      expect(families.some((family) => family.name === name), name).toBe(true);
    }
  });

  it('times round trips in buckets', async () => {
    // one command only: the parser keeps one set of buckets per histogram family
    const metrics = createServiceMetrics({ role: 'producer' });
    for (const seconds of [0.0004, 0.0006, 0.003]) metrics.forQueue('kitchen').offered('ready', seconds);
    const [roundTrips] = parsePrometheusText(await metrics.registry.metrics()).filter((family) => family.name === 'restaurant_redis_roundtrip_seconds');
    expect(roundTrips.metrics[0].buckets).toMatchObject({ '0.0005': '1', '0.001': '2', '0.005': '3', '+Inf': '3' });
  });

  it('counts each queue of a process on its own', async () => {
    const metrics = createServiceMetrics({ role: 'consumer_1' });
    metrics.forQueue('a').took('taken', 0.001);
    metrics.forQueue('b').took('empty', 0.001);
    const families = parsePrometheusText(await metrics.registry.metrics());
    expect(sampleValue(families, 'restaurant_takes_total', { queue: 'a', outcome: 'taken' })).toBe(1);
    expect(sampleValue(families, 'restaurant_takes_total', { queue: 'b', outcome: 'taken' })).toBe(0);
    expect(sampleValue(families, 'restaurant_takes_total', { queue: 'b', outcome: 'empty' })).toBe(1);
  });

  it('keeps each process its own registry', async () => {
    const first = createServiceMetrics({ role: 'consumer_1' });
    const second = createServiceMetrics({ role: 'consumer_2' });
    first.forQueue('a').took('taken', 0.001);
    second.forQueue('a');
    const families = parsePrometheusText(await second.registry.metrics());
    expect(sampleValue(families, 'restaurant_takes_total', { outcome: 'taken' })).toBe(0);
  });
});
