import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { benchClockMs } from './bench-clock.js';

describe('the bench clock', () => {
  it('reads the same in another process, so latencies across processes are real', () => {
    // The built module (tests run after the build), read in a fresh Node process.
    const built = new URL('../dist/bench-clock.js', import.meta.url).href;
    const script = `const { benchClockMs } = await import(${JSON.stringify(built)}); process.stdout.write(String(benchClockMs()));`;
    const before = benchClockMs();
    const inChild = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    const after = benchClockMs();
    expect(inChild).toBeGreaterThan(before);
    expect(inChild).toBeLessThan(after);
  });

  it("is the machine's monotonic clock", () => {
    for (let i = 0; i < 1000; i++) {
      const before = Number(process.hrtime.bigint()) / 1e6;
      const now = benchClockMs();
      const after = Number(process.hrtime.bigint()) / 1e6;
      expect(now).toBeGreaterThanOrEqual(before - 0.01);
      expect(now).toBeLessThanOrEqual(after + 0.01);
    }
  });

  it('never goes back', () => {
    let last = benchClockMs();
    for (let i = 0; i < 10_000; i++) {
      const now = benchClockMs();
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
  });
});
