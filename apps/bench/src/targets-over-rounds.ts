import type { TargetCheck } from './targets.js';

export interface TargetOverRounds {
  target: string;
  /** What each round measured, in order; null where a round did not check this target. */
  measured: (string | null)[];
  /** Rounds that met the target. */
  met: number;
  /** Rounds that could judge it (not "not measured"). */
  judged: number;
}

/**
 * Each target across the rounds of one invocation: on a machine whose speed moves from minute to
 * minute, one round is one sample, and "met in 2 of 3" says more than the last round alone.
 */
export function targetsOverRounds(rounds: readonly (readonly TargetCheck[])[]): TargetOverRounds[] {
  const byTarget = new Map<string, TargetOverRounds>();
  rounds.forEach((checks, round) => {
    for (const check of checks) {
      let summary = byTarget.get(check.target);
      if (!summary) {
        summary = { target: check.target, measured: rounds.map(() => null), met: 0, judged: 0 };
        byTarget.set(check.target, summary);
      }
      summary.measured[round] = check.measured;
      if (check.met !== null) summary.judged++;
      if (check.met === true) summary.met++;
    }
  });
  return [...byTarget.values()];
}
