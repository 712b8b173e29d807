/**
 * Latencies in a fixed number of buckets, each 1% wider than the one before, from 1 µs up to
 * about 15 minutes: constant memory however many items pass, 1%
 * precision on every percentile, and histograms from many processes simply add up.
 */
const GROWTH = 1.01;
const BUCKETS = 2800;
const LOG_GROWTH = Math.log(GROWTH);

export class LatencyHistogram {
  readonly counts: Uint32Array;

  constructor(counts?: ArrayLike<number>) {
    this.counts = new Uint32Array(BUCKETS);
    if (counts) this.counts.set(counts);
  }

  recordMs(latencyMs: number): void {
    const micros = latencyMs * 1000;
    const index = micros <= 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(micros) / LOG_GROWTH));
    this.counts[index]++;
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts) sum += count;
    return sum;
  }

  add(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
  }

  /** The latency in ms below which `fraction` of the items fall (the bucket's upper edge). */
  percentileMs(fraction: number): number | null {
    const total = this.total;
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(fraction * total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return GROWTH ** i / 1000;
    }
    return GROWTH ** (BUCKETS - 1) / 1000;
  }

  /** Only the non-empty buckets, as [index, count] pairs: small enough for an IPC message. */
  toSparse(): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    this.counts.forEach((count, index) => {
      if (count > 0) pairs.push([index, count]);
    });
    return pairs;
  }

  static fromSparse(pairs: ReadonlyArray<readonly [number, number]>): LatencyHistogram {
    const histogram = new LatencyHistogram();
    for (const [index, count] of pairs) histogram.counts[index] += count;
    return histogram;
  }
}
