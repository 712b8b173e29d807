import { freePort, spawnNode, startTestRedis } from '@restaurant/testing';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The built entry point `npm run bench` runs. */
const BENCH = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** The bench on a redis-server of its own (no REDIS_URL), as a user runs it. */
async function bench(args: string[]): Promise<{ code: number | null; rows: Record<string, unknown>[]; report: string }> {
  const env = { ...process.env };
  delete env.REDIS_URL;
  const child = spawnNode(BENCH, { args, env });
  const { code } = await child.exited;
  return { code, rows: JSON.parse(child.stdoutLines.join('\n')) as Record<string, unknown>[], report: child.stderrLines.join('\n') };
}

describe('npm run bench', () => {
  it('moves every item of every row through separate processes, and prints the rows and, asked, the diagnostics', async () => {
    const { code, rows, report } = await bench(['--only', 'unbatched', '--items', '1000', '--json', '--diagnostics']);
    expect(code).toBe(0);
    expect(rows.map((row) => `${row.mode} ${row.producers}/${row.consumers}`)).toEqual(['unbatched 1/1', 'unbatched 2/4', 'unbatched 8/8']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['system', 'mode', 'producers', 'consumers', 'batch', 'items', 'itemsPerSec', 'p50Ms', 'p99Ms']);
      expect(row).toMatchObject({ system: 'ours', batch: 1, items: 1000 });
      expect(row.itemsPerSec).toBeGreaterThan(0);
      expect(row.p99Ms as number).toBeGreaterThanOrEqual(row.p50Ms as number);
    }
    expect(report.match(/^ours\s+unbatched\s.*\sok( \(no warm-up\))?$/gm)).toHaveLength(3);
    // No BullMQ in this run: the comparisons with it cannot be judged.
    expect(report).toMatch(/^unbatched 2\/4 items\/s \/ BullMQ add\s+>= 1\.5x\s+not measured\s+n\/a$/m);
    expect(report.slice(report.indexOf('## Diagnostics')).match(/^ours\s+unbatched\s.*evalsha: \d+/gm)).toHaveLength(3);
  }, 120_000);

  it('runs metrics off and on alternating, and judges what the metrics cost', async () => {
    const { code, rows, report } = await bench(['--only', 'metrics', '--items', '2000', '--json']);
    expect(code).toBe(0);
    expect(rows.map((row) => row.mode)).toEqual(['unbatched', 'unbatched+metrics', 'unbatched', 'unbatched+metrics', 'unbatched', 'unbatched+metrics']);
    expect(report).toMatch(/^unbatched 1\/1 items\/s, metrics on \/ off \(best of three each\)\s+>= 0\.95x\s+\d\.\d\dx \(.*\)\s+(pass|FAIL)$/m);
    expect(report).not.toMatch(/^## Diagnostics/m);
  }, 120_000);

  it('says what is wrong with the flags in one line, with exit 2, and shows its help', async () => {
    const bad = spawnNode(BENCH, { args: ['--items', '0', '--rounds', '3'] });
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderrLines).toEqual(['npm run bench: --rounds="3": unknown option; see --help; --items="0": must be a whole number from 1 to 100000000 (see --help)']);
    const help = spawnNode(BENCH, { args: ['--help'] });
    expect((await help.exited).code).toBe(0);
    expect(help.stdoutLines[0]).toBe('Usage: npm run bench -- [options]');
    expect(help.stdoutLines.filter((line) => /^ {2}--(only|items|quick|json|diagnostics|help)\b/.test(line))).toHaveLength(6);
  });

  it('says in one line, with exit 1, that REDIS_URL has no Redis', async () => {
    const child = spawnNode(BENCH, { args: ['--quick'], env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    expect((await child.exited).code).toBe(1);
    expect(child.stderrLines).toEqual([expect.stringMatching(/^No Redis for the benchmark: nothing answers at REDIS_URL=redis:\/\/127\.0\.0\.1:\d+\.$/)]);
  });

  it('stops with one sentence and exit 1 when a step of the run fails', async () => {
    const redis = await startTestRedis();
    const admin = redis.client();
    // A user the bench's workers can work as, but whose CONFIG RESETSTAT before each row fails.
    const user = `bench-no-config-${randomBytes(4).toString('hex')}`;
    await admin.acl('SETUSER', user, 'on', '>pw', '~*', '+@all', '-config');
    try {
      const url = new URL(redis.url);
      url.username = user;
      url.password = 'pw';
      const child = spawnNode(BENCH, { args: ['--only', 'unbatched', '--items', '100'], env: { ...process.env, REDIS_URL: url.toString() } });
      const { code } = await child.exited;
      expect(code).toBe(1);
      expect(child.stderrLines.filter((line) => line.startsWith('The benchmark stopped:'))).toEqual([
        expect.stringMatching(/^The benchmark stopped: NOPERM .*config/),
      ]);
    } finally {
      await admin.acl('DELUSER', user);
      await redis.stop();
    }
  }, 60_000);
});
