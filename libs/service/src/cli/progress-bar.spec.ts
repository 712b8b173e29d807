import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';

function recorder() {
  const written: string[] = [];
  let clock = 0;
  return { written, sink: { write: (text: string) => written.push(text) }, now: () => clock, advance: (ms: number) => (clock += ms) };
}

describe('ProgressBar', () => {
  it('redraws one line in place on a terminal, and ends it when finished', () => {
    const { written, sink, now, advance } = recorder();
    const bar = new ProgressBar(sink, { total: 4, unit: 'cells', isTerminal: true, now });
    for (let done = 1; done <= 4; done++) {
      advance(1000);
      bar.update(done);
    }
    bar.finish();
    expect(written.slice(0, 4).every((line) => line.startsWith('\r'))).toBe(true);
    expect(written[1]).toBe('\r\x1b[K[###############---------------] 2/4 cells 2.0 s, ~2 s left');
    expect(written.at(-1)).toBe('\n');
  });

  it('writes plain lines at each tenth and at a new label, and never a carriage return, elsewhere', () => {
    const { written, sink, now, advance } = recorder();
    const bar = new ProgressBar(sink, { total: 100, unit: 'cells', isTerminal: false, now });
    for (let done = 1; done <= 100; done++) {
      advance(10);
      bar.update(done, done <= 50 ? 'first half' : 'second half');
    }
    bar.finish();
    expect(written.join('')).not.toContain('\r');
    expect(written.every((line) => line.endsWith('\n'))).toBe(true);
    // one line per tenth (10, 20, ..., 100), the first update, and the label's change at 51
    expect(written).toHaveLength(12);
    expect(written.at(-1)).toBe('100/100 cells 1.0 s  second half\n');
  });

  it('does not redraw a terminal line more than ten times a second for the same step', () => {
    const { written, sink, now, advance } = recorder();
    const bar = new ProgressBar(sink, { total: 1, unit: 'steps', isTerminal: true, now });
    for (let i = 0; i < 100; i++) {
      advance(5);
      bar.update(i / 100, 'step');
    }
    expect(written.length).toBeLessThanOrEqual(6);
  });
});
