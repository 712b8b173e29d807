import type { Logger } from 'pino';
import type { QueueEvent } from './original-line.js';

export interface QueueEventFields {
  event: QueueEvent;
  queueLength: number;
  meal?: string;
  itemId?: string;
}

/** Logs one queue event with the fields that the JSON format promises. */
export function logQueueEvent(logger: Logger, fields: QueueEventFields): void {
  logger.info(fields, fields.event);
}
