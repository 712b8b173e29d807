import { Counter, Gauge, Registry } from 'prom-client';
import type { Accounting } from '@restaurant/queue';
import type { LiveQueue } from '../report/read-live-queue.js';
import { ALIVE_WITHIN_MS } from './queue-frame.js';

/** The accounting fields as Prometheus label values. */
const ACCOUNTING_FIELDS: Record<keyof Accounting, string> = {
  accepted: 'accepted',
  taken: 'taken',
  queued: 'queued',
  inFlight: 'in_flight',
  deadLettered: 'dead_lettered',
  redelivered: 'redelivered',
  duplicates: 'duplicates',
  lost: 'lost',
};

const EVENT_KINDS = ['ready', 'full', 'taken', 'empty'] as const;

/**
 * The queues' own figures in the Prometheus text format. They come from Redis, which counts for
 * every cook and customer together, so one process (the dashboard) exports them once, not every
 * replica. Values are set from a fresh read at each scrape; the counters are Redis's own totals.
 */
export class QueueMetrics {
  readonly registry = new Registry();
  private readonly length = this.gauge('restaurant_queue_length', 'Meals on the queue now.', ['queue']);
  private readonly capacity = this.gauge('restaurant_queue_capacity', 'The queue\'s capacity.', ['queue']);
  private readonly events = new Counter({
    name: 'restaurant_queue_events_total',
    help: 'Cook and customer events at the queue since it was first used: ready (a meal queued), full (a meal dropped), taken, empty (a customer went away hungry).',
    labelNames: ['queue', 'kind'],
    registers: [this.registry],
  });
  private readonly accounting = this.gauge(
    'restaurant_queue_accounting',
    'Where every accepted meal is, read atomically: accepted = taken + queued + in_flight + dead_lettered; lost must be 0; redelivered and duplicates are counts.',
    ['queue', 'field'],
  );
  private readonly actors = this.gauge('restaurant_queue_actors_alive', 'Cooks (producer) and customers (consumer) that announced themselves within the last 3 s.', ['queue', 'kind']);
  private readonly redisUp = this.gauge('restaurant_dashboard_redis_up', '1 when the last scrape could read Redis, 0 when it could not.', []);

  /** Replaces every figure with these reads; a queue not among them disappears from the output. */
  update(queues: LiveQueue[], redisUp: boolean, now = Date.now()): void {
    this.registry.resetMetrics();
    this.redisUp.set(redisUp ? 1 : 0);
    for (const live of queues) {
      const queue = live.snapshot.queueName;
      this.length.set({ queue }, live.snapshot.length);
      this.capacity.set({ queue }, live.report.scenario.capacity);
      for (const kind of EVENT_KINDS) this.events.inc({ queue, kind }, live.counts[kind]);
      for (const [field, label] of Object.entries(ACCOUNTING_FIELDS)) {
        this.accounting.set({ queue, field: label }, live.report.accounting[field as keyof Accounting]);
      }
      for (const kind of ['producer', 'consumer'] as const) {
        this.actors.set({ queue, kind }, live.actors.filter((actor) => actor.kind === kind && now - actor.seenAt <= ALIVE_WITHIN_MS).length);
      }
    }
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
