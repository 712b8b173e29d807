import type { Accounting, ActorPresence } from '@restaurant/queue';
import type { LiveQueue, LiveReportJson } from '../report/read-live-queue.js';
import type { ModelPrediction } from './model-prediction.js';
import type { EventCounts, QueueHistory } from './queue-history.js';

/** An actor is alive while its last announcement is this recent (it announces every second). */
export const ALIVE_WITHIN_MS = 3000;
/** Actors gone for longer are no longer listed (a stopped container's name, say). */
const LISTED_WITHIN_MS = 10 * 60_000;

export type FrameStatus = 'ok' | 'unknown-queue' | 'redis-unreachable' | 'error';

interface FrameBase {
  queue: string;
  /** Epoch ms of the read. */
  at: number;
  /** The queue's length over the last minutes, `[epoch ms, length]`, for the chart. */
  history: Array<[number, number]>;
}

export interface ActorView extends ActorPresence {
  alive: boolean;
}

/** Everything the page shows of one queue, sent to every viewer once a second. */
export interface LiveFrame extends FrameBase {
  status: 'ok';
  message: null;
  length: number;
  capacity: number;
  counts: EventCounts;
  perMinute: EventCounts | null;
  accounting: Accounting;
  /** The same object as `report --json` and `GET /api/queues/<name>`. */
  report: LiveReportJson;
  actors: ActorView[];
  deadLetters: LiveQueue['deadLetters'];
  prediction: ModelPrediction;
}

export interface ProblemFrame extends FrameBase {
  status: Exclude<FrameStatus, 'ok'>;
  message: string;
}

export type QueueFrame = LiveFrame | ProblemFrame;

export function liveFrame(live: LiveQueue, history: QueueHistory, prediction: ModelPrediction, at: number): LiveFrame {
  const { report } = live;
  return {
    queue: live.snapshot.queueName,
    at,
    history: history.lengths(),
    status: 'ok',
    message: null,
    length: live.snapshot.length,
    capacity: report.scenario.capacity,
    counts: live.counts,
    perMinute: history.perMinute(),
    accounting: report.accounting,
    report,
    actors: live.actors
      .filter((actor) => at - actor.seenAt <= LISTED_WITHIN_MS)
      .map((actor) => ({ ...actor, alive: at - actor.seenAt <= ALIVE_WITHIN_MS })),
    deadLetters: live.deadLetters,
    prediction,
  };
}

export function problemFrame(queue: string, status: ProblemFrame['status'], message: string, history: QueueHistory, at: number): ProblemFrame {
  return { queue, at, history: history.lengths(), status, message };
}
