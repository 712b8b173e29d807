import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';
import { logQueueEvent } from './queue-event-log.js';

/** A logger whose clock always says 20:28:37 local time, and the lines it printed. */
function capture(role: string, format: 'human' | 'json' = 'human') {
  const lines: string[] = [];
  const logger = createLogger({
    role,
    format,
    sink: { write: (chunk: string) => lines.push(chunk) },
    now: () => new Date(2024, 0, 1, 20, 28, 37),
  });
  return { logger, lines };
}

describe('the original log lines', () => {
  it('prints READY, TAKEN AWAY, Empty and Full byte for byte', () => {
    const producer = capture('producer');
    const consumer1 = capture('consumer_1');
    const consumer2 = capture('consumer_2');
    logQueueEvent(producer.logger, { event: 'ready', meal: 'Air Fryer Steak', itemId: 'a', queueLength: 1 });
    logQueueEvent(consumer1.logger, { event: 'taken', meal: 'Air Fryer Steak', itemId: 'a', queueLength: 0 });
    logQueueEvent(consumer2.logger, { event: 'empty', queueLength: 0 });
    logQueueEvent(producer.logger, { event: 'full', meal: 'Fried Rice', itemId: 'b', queueLength: 3 });

    expect([...producer.lines, ...consumer1.lines, ...consumer2.lines].join('')).toBe(
      '20:28:37 producer   - **Air Fryer Steak** READY\n' +
        '20:28:37 producer   - ! Food Queue Full !!!\n' +
        '20:28:37 consumer_1 - **Air Fryer Steak** TAKEN AWAY\n' +
        '20:28:37 consumer_2 - ! Food Queue Empty !!!\n',
    );
  });

  it('pads longer roles to the width it is given so the dashes still line up', () => {
    const lines: string[] = [];
    const sink = { write: (chunk: string) => lines.push(chunk) };
    const now = () => new Date(2024, 0, 1, 9, 5, 7);
    for (const role of ['producer_1', 'consumer_12']) {
      logQueueEvent(createLogger({ role, format: 'human', sink, roleWidth: 11, now }), { event: 'empty', queueLength: 0 });
    }
    expect(lines).toEqual(['09:05:07 producer_1  - ! Food Queue Empty !!!\n', '09:05:07 consumer_12 - ! Food Queue Empty !!!\n']);
  });

  it('marks warnings in the same frame', () => {
    const { logger, lines } = capture('consumer_1');
    logger.warn('Redis not answering');
    expect(lines).toEqual(['20:28:37 consumer_1 - (warn) Redis not answering\n']);
  });
});

describe('LOG_FORMAT=json', () => {
  it('prints one JSON object per line with the promised fields', () => {
    const { logger, lines } = capture('producer', 'json');
    logQueueEvent(logger, { event: 'ready', meal: 'Apple Pie', itemId: 'id-1', queueLength: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0])).toMatchObject({
      time: new Date(2024, 0, 1, 20, 28, 37).toISOString(),
      role: 'producer',
      event: 'ready',
      meal: 'Apple Pie',
      itemId: 'id-1',
      queueLength: 2,
    });
  });
});
