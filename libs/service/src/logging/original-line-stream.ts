import type { LineSink } from '../line-sink.js';
import { formatOriginalLine, type QueueEvent } from './original-line.js';

const LEVEL_WARN = 40;

/**
 * A pino destination that turns each JSON record into the original's line. Warnings and
 * errors keep the frame and say their level, so they stand out among the meals.
 */
export function originalLineStream(sink: LineSink, roleWidth: number): LineSink {
  return {
    write(json: string) {
      const record = JSON.parse(json) as {
        time: string;
        role: string;
        level: number;
        event?: QueueEvent;
        meal?: string;
        msg?: string;
      };
      const msg = record.level >= LEVEL_WARN && record.msg ? `(${levelName(record.level)}) ${record.msg}` : record.msg;
      sink.write(`${formatOriginalLine({ ...record, time: new Date(record.time), msg }, roleWidth)}\n`);
    },
  };
}

function levelName(level: number): string {
  return level >= 50 ? 'error' : 'warn';
}
