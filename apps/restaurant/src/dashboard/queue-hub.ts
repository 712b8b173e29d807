import type { LiveQueue } from '../report/read-live-queue.js';
import type { PredictionCache } from './model-prediction.js';
import { liveFrame, problemFrame, type ProblemFrame, type QueueFrame } from './queue-frame.js';
import { QueueHistory } from './queue-history.js';

export interface QueueHubOptions {
  read(queue: string): Promise<LiveQueue>;
  /** Why a read failed, as a status and a sentence for the page. */
  describeFailure(error: unknown): { status: ProblemFrame['status']; message: string };
  predictions: PredictionCache;
  intervalMs?: number;
  now?: () => number;
}

/** A frame as it goes out: serialised once, whatever the number of viewers. */
export type FrameListener = (frame: QueueFrame, json: string) => void;

interface Watch {
  listeners: Set<FrameListener>;
  history: QueueHistory;
  timer: NodeJS.Timeout;
  latest?: { frame: QueueFrame; json: string };
  reading: boolean;
}

/**
 * Reads each watched queue once per interval and hands the frame to every viewer of it, so Redis
 * sees one read per second per queue however many pages are open. A queue nobody watches any
 * more is no longer read.
 */
export class QueueHub {
  private readonly watches = new Map<string, Watch>();
  private readonly now: () => number;

  constructor(private readonly options: QueueHubOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts sending the queue's frames to `listener`, the latest one at once; returns the unsubscribe. */
  subscribe(queue: string, listener: FrameListener): () => void {
    let watch = this.watches.get(queue);
    if (!watch) {
      const timer = setInterval(() => void this.tick(queue), this.options.intervalMs ?? 1000);
      watch = { listeners: new Set(), history: new QueueHistory(), timer, reading: false };
      this.watches.set(queue, watch);
      void this.tick(queue);
    } else if (watch.latest) {
      listener(watch.latest.frame, watch.latest.json);
    }
    watch.listeners.add(listener);
    return () => this.unsubscribe(queue, listener);
  }

  /** The queues someone is watching now. */
  watched(): string[] {
    return [...this.watches.keys()];
  }

  close(): void {
    for (const watch of this.watches.values()) clearInterval(watch.timer);
    this.watches.clear();
  }

  private unsubscribe(queue: string, listener: FrameListener): void {
    const watch = this.watches.get(queue);
    if (!watch?.listeners.delete(listener) || watch.listeners.size > 0) return;
    clearInterval(watch.timer);
    this.watches.delete(queue);
  }

  private async tick(queue: string): Promise<void> {
    const watch = this.watches.get(queue);
    // a read that takes longer than the interval is not joined by another one
    if (!watch || watch.reading) return;
    watch.reading = true;
    let frame: QueueFrame;
    try {
      const live = await this.options.read(queue);
      const at = this.now();
      watch.history.add({ t: at, length: live.snapshot.length, counts: live.counts });
      frame = liveFrame(live, watch.history, this.options.predictions.get(queue, live.report.scenario), at);
    } catch (error) {
      const { status, message } = this.options.describeFailure(error);
      frame = problemFrame(queue, status, message, watch.history, this.now());
    } finally {
      watch.reading = false;
    }
    if (this.watches.get(queue) !== watch) return;
    const json = JSON.stringify(frame);
    watch.latest = { frame, json };
    for (const listener of watch.listeners) listener(frame, json);
  }
}
