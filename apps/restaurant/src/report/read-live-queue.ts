import { queueKeys, readAccounting, readPresence, readQueueSnapshot, type Accounting, type ActorPresence, type QueueSnapshot, type RedisClient } from '@restaurant/queue';
import type { RunReport } from '@restaurant/sim';
import { liveQueueReport } from './live-queue-report.js';

/** What `report --json` prints, and `GET /api/queues/<name>` answers. */
export type LiveReportJson = RunReport & { accounting: Accounting };

export interface DeadLetter {
  reason: string;
  by: string | null;
  at: string | null;
  /** The item as it was found, cut to a readable length. */
  raw: string;
}

/** Everything known about a live queue, read at one moment. */
export interface LiveQueue {
  report: LiveReportJson;
  snapshot: QueueSnapshot;
  /** The queue's counters since it was first used. */
  counts: { ready: number; full: number; taken: number; empty: number };
  actors: ActorPresence[];
  deadLetters: { total: number; latest: DeadLetter[] };
}

export interface ReadLiveQueueOptions {
  /** Overrides the time scale stored with the queue (report --time-scale). */
  timeScale?: number;
  /** How many of the newest dead letters to read (0: only their number). */
  deadLetters?: number;
}

const RAW_SHOWN_CHARS = 200;

/**
 * Reads a live queue for `report` and the dashboard: its counters, length and settings (one
 * MULTI), the accounting (one script), who is running and the newest dead letters, sent together.
 * Throws UnknownQueueError for a queue that no cook or customer has used.
 */
export async function readLiveQueue(redis: RedisClient, queueName: string, options: ReadLiveQueueOptions = {}): Promise<LiveQueue> {
  const keys = queueKeys(queueName);
  const newest = options.deadLetters ?? 0;
  const [snapshot, accounting, actors, total, entries] = await Promise.all([
    readQueueSnapshot(redis, queueName),
    readAccounting(redis, keys),
    readPresence(redis, keys),
    redis.llen(keys.dead),
    newest > 0 ? redis.lrange(keys.dead, -newest, -1) : [],
  ]);
  const report = { ...liveQueueReport(snapshot, options.timeScale), accounting };
  const count = (name: string): number => Number(snapshot.stats[name] ?? 0);
  return {
    report,
    snapshot,
    counts: { ready: count('ready'), full: count('full'), taken: count('taken'), empty: count('empty') },
    actors,
    deadLetters: { total, latest: entries.map(parseDeadLetter).reverse() },
  };
}

/** A dead-letter entry as the customer wrote it (`{reason, raw, by, at}`), or as much as can be read. */
function parseDeadLetter(entry: string): DeadLetter {
  try {
    const value = JSON.parse(entry) as Record<string, unknown>;
    const text = (field: unknown): string | null => (typeof field === 'string' ? field : null);
    return { reason: text(value.reason) ?? 'no reason given', by: text(value.by), at: text(value.at), raw: cut(text(value.raw) ?? '') };
  } catch {
    return { reason: 'unreadable dead-letter entry', by: null, at: null, raw: cut(entry) };
  }
}

function cut(text: string): string {
  return text.length > RAW_SHOWN_CHARS ? `${text.slice(0, RAW_SHOWN_CHARS)}…` : text;
}
