import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeRedis, connectRedis, isValidQueueName, redactUrl } from '@restaurant/queue';
import { UnknownQueueError } from '../report/live-queue-report.js';
import type { RedisTarget } from '../start/redis-target.js';
import { readLiveQueue, type LiveQueue } from '../report/read-live-queue.js';
import { kitchensSummary, summaryOf } from '../report/queue-summary.js';
import { listQueues } from './list-queues.js';
import { sharedRead } from './shared-read.js';
import { PredictionCache } from './model-prediction.js';
import type { ProblemFrame } from './queue-frame.js';
import { QueueHub } from './queue-hub.js';
import { QueueMetrics } from './queue-metrics.js';
import { loadStaticFiles } from './static-files.js';

export interface DashboardOptions {
  /** The Redis (or cluster) of the queues. */
  redis: RedisTarget;
  /** The interface to listen on: 0.0.0.0 for every one, 127.0.0.1 for this machine only. */
  host: string;
  /** 0: any free port. */
  port: number;
  /** The queue the page shows first. */
  defaultQueue: string;
  /** How often a watched queue is read. */
  intervalMs?: number;
  /** How many of the newest dead letters the page lists. */
  deadLetters?: number;
  /** Told, in a sentence, when Redis stops answering and when it answers again. */
  log?: (line: string) => void;
}

export interface Dashboard {
  /** Where a browser on this machine opens it. */
  readonly url: string;
  readonly port: number;
  /** The page showing one queue. */
  pageUrl(queue: string): string;
  /** Stops reading, ends every open page's stream and closes the server and the connection. Idempotent. */
  close(): Promise<void>;
}

/** How long the list of queues is reused: the page asks for it every few seconds. */
const QUEUE_LIST_TTL_MS = 2000;
/** How long one read of every queue serves every page's table of kitchens. */
const EVERY_QUEUE_TTL_MS = 1000;

/**
 * The live dashboard: the page and its files, a stream of frames per queue (server-sent events,
 * one Redis read per second per watched queue), the JSON API and the queues' /metrics. Redis going
 * away never stops the server: the frames say so until the connection is back.
 */
export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const files = loadStaticFiles();
  const where = redactUrl(options.redis.url);
  let lost = false;
  const redis = connectRedis({
    url: options.redis.url,
    clusterNodes: options.redis.clusterNodes,
    tls: options.redis.tls,
    mode: 'fail-fast',
    connectionName: 'dashboard',
    onRetry: (message) => {
      if (!lost) options.log?.(`${message}; the page says so until it answers`);
      lost = true;
    },
  });
  redis.on('ready', () => {
    if (lost) options.log?.(`Redis answers again at ${where}`);
    lost = false;
  });
  const describeFailure = (error: unknown): { status: ProblemFrame['status']; message: string } => {
    if (error instanceof UnknownQueueError) return { status: 'unknown-queue', message: error.message };
    if (redis.status !== 'ready') return { status: 'redis-unreachable', message: `Redis unreachable at ${where}; this page recovers by itself once it answers again` };
    return { status: 'error', message: (error as Error).message };
  };
  const hub = new QueueHub({
    read: (queue) => readLiveQueue(redis, queue, { deadLetters: options.deadLetters ?? 10 }),
    describeFailure,
    predictions: new PredictionCache(),
    intervalMs: options.intervalMs,
  });
  const metrics = new QueueMetrics();
  const queueList = sharedRead(() => listQueues(redis), QUEUE_LIST_TTL_MS);
  // a queue that cannot be read (nobody has used it yet, say) is left out, not the others
  const readEveryQueue = async (): Promise<LiveQueue[]> => {
    const reads = await Promise.all((await listQueues(redis)).map((queue) => readLiveQueue(redis, queue).catch(() => undefined)));
    return reads.filter((read): read is LiveQueue => read !== undefined);
  };
  const everyQueue = sharedRead(readEveryQueue, EVERY_QUEUE_TTL_MS);
  const streams = new Set<ServerResponse>();

  const routes = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://dashboard').pathname;
    const queueRoute = /^\/api\/queues\/([^/]+)(\/events)?$/.exec(path);
    const file = files.get(path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: `${request.method} is not allowed; the dashboard only answers GET` });
    } else if (file) {
      response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' }).end(file.body);
    } else if (path === '/api/queues') {
      try {
        sendJson(response, 200, { defaultQueue: options.defaultQueue, queues: await queueList() });
      } catch (error) {
        sendJson(response, 503, { error: describeFailure(error).message });
      }
    } else if (path === '/api/kitchens') {
      try {
        sendJson(response, 200, kitchensSummary((await everyQueue()).map(summaryOf)));
      } catch (error) {
        sendJson(response, 503, { error: describeFailure(error).message });
      }
    } else if (queueRoute?.[2]) {
      streamQueue(decodeURIComponent(queueRoute[1]), request, response);
    } else if (queueRoute) {
      await sendReport(decodeURIComponent(queueRoute[1]), response);
    } else if (path === '/metrics') {
      await updateMetrics();
      response.writeHead(200, { 'Content-Type': metrics.contentType }).end(await metrics.text());
    } else if (path === '/healthz') {
      sendJson(response, 200, { status: 'ok', redis: redis.status === 'ready' ? 'up' : 'down' });
    } else {
      sendJson(response, 404, { error: `nothing at ${path}` });
    }
  };

  const sendReport = async (queue: string, response: ServerResponse): Promise<void> => {
    if (!isValidQueueName(queue)) return sendJson(response, 404, { error: notAQueueName(queue) });
    try {
      sendJson(response, 200, (await readLiveQueue(redis, queue)).report);
    } catch (error) {
      const { status, message } = describeFailure(error);
      sendJson(response, status === 'unknown-queue' ? 404 : status === 'redis-unreachable' ? 503 : 500, { error: message });
    }
  };

  const streamQueue = (queue: string, request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    response.write('retry: 1000\n\n');
    streams.add(response);
    const send = (json: string): void => {
      // a viewer that cannot keep up misses frames rather than piling them up here
      if (!response.writableNeedDrain) response.write(`data: ${json}\n\n`);
    };
    if (!isValidQueueName(queue)) {
      send(JSON.stringify({ queue, at: Date.now(), history: [], status: 'unknown-queue', message: notAQueueName(queue) }));
      request.on('close', () => streams.delete(response));
      return;
    }
    const unsubscribe = hub.subscribe(queue, (_, json) => send(json));
    request.on('close', () => {
      unsubscribe();
      streams.delete(response);
    });
  };

  const updateMetrics = async (): Promise<void> => {
    try {
      metrics.update(await readEveryQueue(), redis.status === 'ready');
    } catch {
      metrics.update([], false);
    }
  };

  const server = createServer((request, response) => {
    routes(request, response).catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, { error: error.message });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(options.host) ? 'localhost' : options.host;

  let closed: Promise<void> | undefined;
  const url = `http://${shownHost}:${port}/`;
  return {
    url,
    port,
    pageUrl: (queue) => `${url}?queue=${encodeURIComponent(queue)}`,
    close() {
      closed ??= (async () => {
        hub.close();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await closeRedis(redis);
      })();
      return closed;
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' }).end(`${JSON.stringify(body)}\n`);
}

function notAQueueName(queue: string): string {
  return `${JSON.stringify(queue)} is not a queue name: a name is 1-100 letters, digits or _ . : -`;
}
