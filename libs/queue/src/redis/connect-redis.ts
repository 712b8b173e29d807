import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import { redactUrl } from './redact-url.js';

export interface ConnectOptions {
  url: string;
  /**
   * `patient` (customers): commands wait while the connection is down and go out after the
   * reconnect. `fail-fast` (cooks): a command while disconnected fails at once, so nothing is
   * buffered without bound; the cook's schedule goes on.
   */
  mode: 'patient' | 'fail-fast';
  /** Told about every retry, with a sentence fit for the log. */
  onRetry?: (message: string) => void;
  connectionName?: string;
  /** CA, certificate and key for a rediss:// URL (ioredis's `tls` option). */
  tls?: ConnectionOptions;
}

const MAX_BACKOFF_MS = 2000;

/** Reconnect delay after `attempt` failures: 50 ms doubling up to 2 s. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 50 * 2 ** Math.min(attempt - 1, 10));
}

/**
 * A connection that retries with backoff forever until `disconnect()`. Each retry is reported
 * with the reason of the last failure (refused, WRONGPASS, a certificate the CA does not sign),
 * with the URL redacted and the URL's password masked should a message ever carry it.
 */
export function connectRedis(options: ConnectOptions): Redis {
  const where = redactUrl(options.url);
  let lastFailure = '';
  const redis = new Redis(options.url, {
    connectionName: options.connectionName,
    tls: options.tls,
    enableOfflineQueue: options.mode === 'patient',
    maxRetriesPerRequest: options.mode === 'patient' ? null : 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => {
      const delay = backoffMs(attempt);
      const reason = lastFailure ? `: ${maskPassword(lastFailure, options.url)}` : '';
      options.onRetry?.(`Redis not answering at ${where}; retrying in ${delay} ms (attempt ${attempt})${reason}`);
      return delay;
    },
  });
  redis.on('error', (error: Error) => (lastFailure = error.message));
  redis.on('ready', () => (lastFailure = ''));
  return redis;
}

function maskPassword(message: string, url: string): string {
  const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : '';
  return password ? message.replaceAll(password, '***') : message;
}

/**
 * Resolves when the connection is ready; rejects when the signal aborts first, or when the
 * connection is closed for good (`disconnect()`, or no more retries).
 */
export function whenReady(redis: Redis, signal?: AbortSignal): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (redis.status === 'end') return Promise.reject(new Error(CONNECTION_CLOSED));
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      redis.off('ready', onReady);
      redis.off('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
    };
    const onReady = (): void => {
      settle();
      resolve();
    };
    const onEnd = (): void => {
      settle();
      reject(new Error(CONNECTION_CLOSED));
    };
    const onAbort = (): void => {
      settle();
      reject(signal?.reason ?? new Error('aborted'));
    };
    redis.once('ready', onReady);
    redis.once('end', onEnd);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const CONNECTION_CLOSED = 'Connection is closed.';

/** Closes politely (QUIT) within the deadline, then by force. Safe to call twice. */
export async function closeRedis(redis: Redis, deadlineMs = 500): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  const timer = setTimeout(() => redis.disconnect(), deadlineMs);
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
