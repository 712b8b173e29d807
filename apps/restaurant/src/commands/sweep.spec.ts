import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { sweepCommand } from './sweep.js';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

async function sweep(args: string[], stderrIsTerminal = false) {
  const io = { ...fakeCliIo(), stderrIsTerminal };
  const code = await sweepCommand.run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('sweep', () => {
  it('redraws its progress in place on a terminal', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-'));
    const result = await sweep(['--producers', '1', '--consumers', '1,2', '--capacity', '3', '--model-hours', '5', '--replications', '1', '--out', out], true);
    expect(result.code).toBe(0);
    expect(result.err).toContain('\r\x1b[K[##############################] 2/2 cells');
  });

  it.each([false, true])('says why it cannot write its files on a line of its own, after the progress, and exits 1 (terminal: %s)', async (terminal) => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'file');
    writeFileSync(notAFolder, '');
    const result = await sweep(['--producers', '1', '--consumers', '1,2', '--capacity', '3', '--model-hours', '5', '--replications', '1', '--out', join(notAFolder, 'out')], terminal);
    expect(result.code).toBe(1);
    const lines = result.err.split('\n');
    expect(lines.at(-2)).toMatch(/^sweep: ENOTDIR/);
    expect(lines.at(-3)).toMatch(/2\/2 cells/);
  });

  it('writes results.csv, chart.svg and summary.md, and prints the recommendation', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sweep-'));
    const result = await sweep([
      '--producers', '1..2', '--consumers', '1,2,4', '--capacity', '3', '--model-hours', '20',
      '--replications', '3', '--seed', '4000000001', '--out', out,
    ]);
    expect(result.code).toBe(0);
    // stderr is no terminal here: progress comes as plain lines, no carriage return in a log file
    expect(result.err).toContain('6/6 cells');
    expect(result.err).not.toContain('\r');

    const csv = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 2 * 3);
    const header = csv[0].split(',');
    expect(header.slice(0, 3)).toEqual(['producers', 'consumers', 'capacity']);
    expect(header).toContain('emptyFraction');
    expect(header).toContain('emptyFractionCi95');
    const row = Object.fromEntries(header.map((name, i) => [name, csv[1].split(',')[i]]));
    expect(row).toMatchObject({ producers: '1', consumers: '1', capacity: '3', replications: '3', engine: 'virtual', seed: '4000000001' });
    expect(Number(row.readyPerHour) + Number(row.fullPerHour)).toBeCloseTo(1200, 3);

    const svg = readFileSync(join(out, 'chart.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Customers finding the queue empty, capacity 3');
    expect(svg).toContain('Meals dropped at a full queue, capacity 3');
    expect(svg).toContain('Mean queue length, capacity 3');
    expect(svg.trim().endsWith('</svg>')).toBe(true);

    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(result.out).toBe(summary);
    // 1 cook feeds 1 or 2 customers (they visit every 6.5 s on average); 4 customers need 2 cooks
    expect(summary).toMatch(/\| 1 \| 1 \| [\d.]+% ± [\d.]+% \|/);
    expect(summary).toMatch(/\| 2 \| 1 \| /);
    expect(summary).toMatch(/\| 4 \| 2 \| /);
  });

  it.each([
    [['--producers', '4..1'], '--producers="4..1": must be whole numbers from 0 to 1000'],
    [['--capacity', '0'], '--capacity="0": must be whole numbers from 1 to 100000'],
    [['--consumers', 'a few'], '--consumers="a few": must be whole numbers'],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const result = await sweep(args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it('exits 2 from the built CLI too', () => {
    const child = spawnSync(process.execPath, [CLI, 'sweep', '--producers', '4..1', '--capacity', '0'], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('--producers="4..1"');
    expect(child.stderr).toContain('--capacity="0"');
    expect(child.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
