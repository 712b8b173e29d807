/** The four counters of a queue, as its scripts keep them. */
export interface EventCounts {
  ready: number;
  full: number;
  taken: number;
  empty: number;
}

export interface HistoryPoint {
  /** Epoch ms of the read. */
  t: number;
  length: number;
  counts: EventCounts;
}

const KINDS = ['ready', 'full', 'taken', 'empty'] as const;
const MINUTE_MS = 60_000;

/**
 * The recent reads of one queue: the chart's points and the events per minute. A counter that
 * went down means the queue was started afresh (npm start clears it), so the history starts over.
 */
export class QueueHistory {
  private points: HistoryPoint[] = [];

  constructor(private readonly keepMs = 5 * MINUTE_MS) {}

  add(point: HistoryPoint): void {
    const last = this.points.at(-1);
    if (last && KINDS.some((kind) => point.counts[kind] < last.counts[kind])) this.points = [];
    this.points.push(point);
    const oldest = point.t - this.keepMs;
    while (this.points.length > 0 && this.points[0].t < oldest) this.points.shift();
  }

  /** `[t, length]` pairs, oldest first. */
  lengths(): Array<[number, number]> {
    return this.points.map(({ t, length }) => [t, length]);
  }

  /** Events per minute over the last minute (or over what there is of it); null before two reads. */
  perMinute(): EventCounts | null {
    const newest = this.points.at(-1);
    const from = this.points.find((point) => newest && point.t >= newest.t - MINUTE_MS);
    if (!newest || !from || newest.t - from.t <= 0) return null;
    const minutes = (newest.t - from.t) / MINUTE_MS;
    const rate = (kind: (typeof KINDS)[number]): number => (newest.counts[kind] - from.counts[kind]) / minutes;
    return { ready: rate('ready'), full: rate('full'), taken: rate('taken'), empty: rate('empty') };
  }
}
