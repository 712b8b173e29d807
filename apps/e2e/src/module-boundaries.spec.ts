import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './entries.js';

const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

/** The boundary problems ESLint reports for `source` as if it were the file at `path`. */
async function boundaryProblems(path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(source, { filePath: `${REPO_ROOT}${path}` });
  return result.messages.filter((message) => message.ruleId === BOUNDARY_RULE).map((message) => message.message);
}

describe('module boundaries (the lint rule that keeps the layout)', () => {
  it.each([
    ['apps/producer/src/cook.ts', '@restaurant/sim'],
    ['apps/consumer/src/customer.ts', '@restaurant/sim'],
    ['apps/producer/src/cook.ts', '@restaurant/testing'],
    ['apps/consumer/src/customer.ts', '@restaurant/testing'],
    ['libs/queue/src/bounded-queue.ts', '@restaurant/service'],
    ['libs/service/src/run-service.ts', '@restaurant/sim'],
    ['libs/sim/src/virtual-engine.ts', '@restaurant/testing'],
    ['apps/restaurant/src/main.ts', '@restaurant/testing'],
  ])('rejects an import of %s from %s', async (path, library) => {
    const problems = await boundaryProblems(path, `import * as lib from '${library}';\nexport const used = lib;\n`);
    expect(problems).toHaveLength(1);
    // A library that another library below it would import back is reported as a cycle.
    expect(problems[0]).toMatch(/can only depend on libs tagged with|Circular dependency/);
  });

  it.each([
    ['apps/producer/src/cook.ts', '@restaurant/service'],
    ['apps/consumer/src/customer.ts', '@restaurant/queue'],
    ['apps/producer/src/main.spec.ts', '@restaurant/testing'],
    ['libs/sim/src/virtual-engine.ts', '@restaurant/service'],
    ['apps/restaurant/src/main.ts', '@restaurant/sim'],
  ])('allows %s to import %s', async (path, library) => {
    expect(await boundaryProblems(path, `import * as lib from '${library}';\nexport const used = lib;\n`)).toEqual([]);
  });
});
