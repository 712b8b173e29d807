import type { Metric, MetricValue, Registry } from 'prom-client';

type Labels = Record<string, string>;

/**
 * Counters and histograms whose hot path is a few additions on numbers kept per label set, read
 * into the Prometheus format only when scraped. prom-client's own hash their labels on every
 * call, which cost a cook or customer measurable throughput in the benchmark.
 */
abstract class CellMetric<Cell> {
  protected readonly cells: Array<{ labels: Labels; cell: Cell }> = [];
  abstract readonly type: 'counter' | 'histogram';
  readonly aggregator = 'sum';

  constructor(
    readonly name: string,
    readonly help: string,
    registry: Registry,
  ) {
    // the registry reads a metric only through name, type and get()
    registry.registerMetric(this as unknown as Metric);
  }

  protected add(labels: Labels, cell: Cell): Cell {
    this.cells.push({ labels, cell });
    return cell;
  }

  abstract get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: MetricValue<string>[] }>;

  reset(): void {
    this.cells.length = 0;
  }
}

export interface CounterCell {
  value: number;
}

export class CellCounter extends CellMetric<CounterCell> {
  readonly type = 'counter';

  /** A new series with these labels, counted by adding to `value`. */
  cell(labels: Labels): CounterCell {
    return this.add(labels, { value: 0 });
  }

  async get() {
    const values = this.cells.map(({ labels, cell }) => ({ labels, value: cell.value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

export class HistogramCell {
  /** Observations per bucket, each counted once (made cumulative when scraped). */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    for (let bucket = 0; bucket < this.bounds.length; bucket++) {
      if (value <= this.bounds[bucket]) {
        this.counts[bucket]++;
        return;
      }
    }
  }
}

export class CellHistogram extends CellMetric<HistogramCell> {
  readonly type = 'histogram';

  constructor(name: string, help: string, registry: Registry, private readonly bounds: readonly number[]) {
    super(name, help, registry);
  }

  cell(labels: Labels): HistogramCell {
    return this.add(labels, new HistogramCell(this.bounds));
  }

  async get() {
    const values = this.cells.flatMap(({ labels, cell }) => {
      let below = 0;
      const buckets = this.bounds.map((bound, index) => {
        below += cell.counts[index];
        return { labels: { ...labels, le: bound }, value: below, metricName: `${this.name}_bucket` };
      });
      return [
        ...buckets,
        { labels: { ...labels, le: '+Inf' }, value: cell.count, metricName: `${this.name}_bucket` },
        { labels, value: cell.sum, metricName: `${this.name}_sum` },
        { labels, value: cell.count, metricName: `${this.name}_count` },
      ];
    });
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
