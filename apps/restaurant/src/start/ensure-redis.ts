import { NoRedisServerError, pingRedis, startRedisServer } from '@restaurant/process';
import { redactUrl } from '@restaurant/queue';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RunRedis {
  url: string;
  /** Set when the launcher started its own redis-server. */
  embedded: boolean;
  stop(): Promise<void>;
}

export class NoRedisError extends Error {
  constructor(url: string) {
    super(
      `No Redis answers at ${redactUrl(url)} and there is no redis-server on PATH: install redis-server, ` +
        'set REDIS_URL to a running Redis, or run the restaurant with docker compose up.',
    );
    this.name = 'NoRedisError';
  }
}

/** The Redis at `url` when it answers; otherwise a redis-server started here in a temporary folder. */
export async function ensureRedis(url: string): Promise<RunRedis> {
  if (await pingRedis(url)) return { url, embedded: false, stop: async () => undefined };
  try {
    const server = await startRedisServer();
    return { url: server.url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    if (error instanceof NoRedisServerError) throw new NoRedisError(url);
    throw error;
  }
}
