import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNode } from './child-harness.js';

describe('spawnNode', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'child-harness-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has all of the output once the child has exited, even when much of it came just before the exit', async () => {
    // 2 MB each through 64 KB pipes, many children at once: a parent that ended at 'exit' lost
    // the end of the output of 44 of 320 such children (plain Node, 16 at a time).
    const script = join(dir, 'loud.mjs');
    await writeFile(script, "process.stdout.write('x'.repeat(99).concat('\\n').repeat(20000) + 'last\\n', () => process.exit(3));\n");
    for (let round = 0; round < 2; round++) {
      const children = Array.from({ length: 16 }, () => spawnNode(script));
      const exits = await Promise.all(children.map((child) => child.exited));
      expect(exits).toEqual(children.map(() => ({ code: 3, signal: null })));
      expect(children.map((child) => [child.stdoutLines.length, child.stdoutLines.at(-1)])).toEqual(children.map(() => [20001, 'last']));
    }
  }, 60_000);
});
