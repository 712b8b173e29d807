import { freePort, spawnNode, startTestRedis } from '@restaurant/testing';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
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
  it('moves every item of every row through separate processes, and prints the rows as the issue names them', async () => {
    const { code, rows, report } = await bench(['--only', 'unbatched', '--items', '1000', '--json']);
    expect(code).toBe(0);
    expect(rows.map((row) => `${row.mode} ${row.producers}/${row.consumers}`)).toEqual(['unbatched 1/1', 'unbatched 2/4', 'unbatched 8/8']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['system', 'mode', 'producers', 'consumers', 'batch', 'items', 'itemsPerSec', 'p50Ms', 'p99Ms']);
      expect(row).toMatchObject({ system: 'ours', batch: 1, items: 1000 });
      expect(row.itemsPerSec).toBeGreaterThan(0);
      expect(row.p99Ms as number).toBeGreaterThanOrEqual(row.p50Ms as number);
    }
    expect(report.match(/^ours\s+unbatched\s.*\sok( \(no warm-up\))?$/gm)).toHaveLength(3);
    expect(report).not.toMatch(/Targets over/);
  }, 120_000);

  it('with --rounds, makes the run again, judges each round and counts the rounds that met each target', async () => {
    const { code, rows, report } = await bench(['--only', 'batched', '--items', '2000', '--rounds', '2', '--json']);
    expect(code).toBe(0);
    expect(rows.map((row) => `${row.round} ${row.mode} ${row.producers}/${row.consumers} ${row.batch}`)).toEqual([
      '1 batched 1/1 10',
      '1 batched 2/4 10',
      '1 batched 1/1 100',
      '1 batched 2/4 100',
      '2 batched 1/1 10',
      '2 batched 2/4 10',
      '2 batched 1/1 100',
      '2 batched 2/4 100',
    ]);
    expect(report.match(/^ours\s+batched\s.*\sok( \(no warm-up\))?$/gm)).toHaveLength(8);
    expect(report).toMatch(/^## Results \(round 1 of 2\)$/m);
    expect(report).toMatch(/^## Results \(round 2 of 2\)$/m);
    expect(report).toMatch(/^## Targets over 2 rounds$/m);
    // Before each round, a 5 s busy loop on every core counted the machine's own stalls.
    const stallRows = report.slice(report.indexOf("## The machine's own stalls over 2 rounds")).split('\n').slice(3, 5);
    expect(stallRows).toEqual([1, 2].map((round) => expect.stringMatching(new RegExp(`^\\s*${round}\\s+${availableParallelism()}\\s+5\\.\\d\\s`))));
    // No BullMQ and no ceiling in this run: those targets cannot be judged in any round.
    expect(report).toMatch(/^batched 100 >= 50% of the ceiling at depth 100\s+not measured\s+not measured\s+n\/a$/m);
  }, 120_000);

  it('says in one line, with exit 1, that REDIS_URL has no Redis', async () => {
    const child = spawnNode(BENCH, { args: ['--quick'], env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    expect((await child.exited).code).toBe(1);
    expect(child.stderrLines).toEqual([expect.stringMatching(/^No Redis for the benchmark: no Redis answering at redis:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/)]);
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
