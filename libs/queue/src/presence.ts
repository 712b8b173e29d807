import type { RedisClient } from './redis/redis-client.js';
import type { QueueKeys } from './queue-keys.js';

export type ActorKind = 'producer' | 'consumer';
/** What an actor did last at the queue, as the log names it. */
export type ActorEvent = 'ready' | 'full' | 'taken' | 'empty';

/** One field of `{queue}:actors`: a running cook or customer as it last announced itself. */
export interface ActorPresence {
  role: string;
  kind: ActorKind;
  lastEvent: ActorEvent | null;
  /** Epoch ms of the last event, by the actor's clock. */
  lastEventAt: number | null;
  /** Epoch ms of the actor's last announcement, by its clock. */
  seenAt: number;
}

export interface PresenceOptions {
  role: string;
  kind: ActorKind;
  /** How often the actor announces itself. */
  intervalMs?: number;
  now?: () => number;
  /** Told once, about the first announcement Redis refused (an ACL without the actors key, say). */
  onError?: (message: string) => void;
}

export interface Presence {
  /** Remembers the actor's last event; the next announcement carries it. No Redis call. */
  record(event: ActorEvent): void;
  /** Stops announcing and removes the actor's field, giving up after `deadlineMs`. Idempotent. */
  stop(deadlineMs?: number): Promise<void>;
}

export const PRESENCE_INTERVAL_MS = 1000;

const ACTOR_KINDS: readonly string[] = ['producer', 'consumer'] satisfies ActorKind[];
const ACTOR_EVENTS: readonly string[] = ['ready', 'full', 'taken', 'empty'] satisfies ActorEvent[];

/**
 * Announces a cook or customer in `{queue}:actors` about once a second, apart from its hot path:
 * an event only updates memory, the timer writes. While the connection is down nothing is sent,
 * so a patient connection does not pile announcements up for the reconnect; it announces on it.
 */
export function startPresence(redis: RedisClient, keys: QueueKeys, options: PresenceOptions): Presence {
  const now = options.now ?? Date.now;
  let lastEvent: ActorEvent | null = null;
  let lastEventAt: number | null = null;
  let reported = false;
  const announce = (): void => {
    if (redis.status !== 'ready') return;
    const presence: ActorPresence = { role: options.role, kind: options.kind, lastEvent, lastEventAt, seenAt: now() };
    redis.hset(keys.actors, options.role, JSON.stringify(presence)).catch((error: Error) => {
      if (!reported) options.onError?.(`cannot announce ${options.role} in ${keys.actors}: ${error.message}`);
      reported = true;
    });
  };
  announce();
  // a (re)connected actor shows up at once, not an interval later
  redis.on('ready', announce);
  const timer = setInterval(announce, options.intervalMs ?? PRESENCE_INTERVAL_MS);
  timer.unref();
  let stopped: Promise<void> | undefined;
  return {
    record(event) {
      lastEvent = event;
      lastEventAt = now();
    },
    stop(deadlineMs = 500) {
      clearInterval(timer);
      redis.off('ready', announce);
      stopped ??= redis.status === 'ready' ? withinDeadline(redis.hdel(keys.actors, options.role), deadlineMs) : Promise.resolve();
      return stopped;
    },
  };
}

/** Every actor that has announced itself and not stopped gracefully, alive or not. */
export async function readPresence(redis: RedisClient, keys: QueueKeys): Promise<ActorPresence[]> {
  return parsePresence(await redis.hgetall(keys.actors));
}

/** The fields of `{queue}:actors` that read as a presence, sorted by role; others are skipped. */
export function parsePresence(hash: Record<string, string>): ActorPresence[] {
  const actors: ActorPresence[] = [];
  for (const json of Object.values(hash)) {
    const actor = parseActor(json);
    if (actor) actors.push(actor);
  }
  return actors.sort((a, b) => a.role.localeCompare(b.role, 'en', { numeric: true }));
}

function parseActor(json: string): ActorPresence | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { role, kind, lastEvent, lastEventAt, seenAt } = value ?? {};
  if (typeof role !== 'string' || !ACTOR_KINDS.includes(kind as string) || typeof seenAt !== 'number') return undefined;
  return {
    role,
    kind: kind as ActorKind,
    lastEvent: ACTOR_EVENTS.includes(lastEvent as string) ? (lastEvent as ActorEvent) : null,
    lastEventAt: typeof lastEventAt === 'number' ? lastEventAt : null,
    seenAt,
  };
}

async function withinDeadline(work: Promise<unknown>, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
  await Promise.race([work.then(() => undefined, () => undefined), deadline]);
  clearTimeout(timer);
}
