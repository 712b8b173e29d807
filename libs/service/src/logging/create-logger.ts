import { pino, type Logger } from 'pino';
import { DEFAULT_ROLE_WIDTH } from './original-line.js';
import type { LineSink } from '../line-sink.js';
import { originalLineStream } from './original-line-stream.js';

export type LogFormat = 'human' | 'json';

export interface LoggerOptions {
  role: string;
  /** `human`: the original's lines; `json`: one JSON object per line. */
  format: LogFormat;
  /** Where lines go, e.g. process.stdout. Writes are synchronous, so no line is lost at exit. */
  sink: LineSink;
  roleWidth?: number;
  level?: string;
  /** The clock, for tests; the real one otherwise. */
  now?: () => Date;
}

/**
 * The one logger of every process. Queue events are logged as
 * `logger.info({ event, meal, itemId, queueLength })`; both formats come from the same record.
 */
export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const destination =
    options.format === 'json' ? options.sink : originalLineStream(options.sink, options.roleWidth ?? DEFAULT_ROLE_WIDTH);
  return pino(
    {
      level: options.level ?? 'info',
      base: { role: options.role },
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (_label, level) => ({ level }) },
    },
    destination,
  );
}
