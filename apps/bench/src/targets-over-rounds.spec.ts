import { describe, expect, it } from 'vitest';
import { roundsTable } from './result-tables.js';
import type { TargetCheck } from './targets.js';
import { targetsOverRounds } from './targets-over-rounds.js';

const check = (target: string, measured: string, met: boolean | null): TargetCheck => ({ target, measured, met });

describe('targets over several rounds', () => {
  const rounds = [
    [check('p99 < 2 ms', '2.302 ms', false), check('>= 50% of the ceiling', '55%', true)],
    [check('p99 < 2 ms', '1.531 ms', true), check('>= 50% of the ceiling', 'not measured', null)],
    [check('p99 < 2 ms', '1.318 ms', true), check('>= 50% of the ceiling', '47%', false), check('RSS', '1.05x', true)],
  ];

  it('keeps what every round measured and counts the rounds that met each target', () => {
    expect(targetsOverRounds(rounds)).toEqual([
      { target: 'p99 < 2 ms', measured: ['2.302 ms', '1.531 ms', '1.318 ms'], met: 2, judged: 3 },
      { target: '>= 50% of the ceiling', measured: ['55%', 'not measured', '47%'], met: 1, judged: 2 },
      { target: 'RSS', measured: [null, null, '1.05x'], met: 1, judged: 1 },
    ]);
  });

  it('shows a column per round and "k of n" over the rounds that judged the target', () => {
    const lines = roundsTable(targetsOverRounds(rounds)).split('\n');
    expect(lines[0]).toMatch(/^target\s+round 1\s+round 2\s+round 3\s+met$/);
    expect(lines[2]).toMatch(/^p99 < 2 ms\s+2\.302 ms\s+1\.531 ms\s+1\.318 ms\s+2 of 3$/);
    expect(lines[3]).toMatch(/^>= 50% of the ceiling\s+55%\s+not measured\s+47%\s+1 of 2$/);
    expect(lines[4]).toMatch(/^RSS\s+-\s+-\s+1\.05x\s+1 of 1$/);
    expect(roundsTable(targetsOverRounds([[check('never judged', 'not measured', null)]])).split('\n')[2]).toMatch(/n\/a$/);
  });
});
