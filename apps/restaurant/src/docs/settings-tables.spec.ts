import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markedTables, settingsTables, withCurrentTables } from './settings-tables.js';

const ROOT = new URL('../../../../', import.meta.url);
const DOCS = { 'README.md': ['start-flags-common'], 'docs/configuration.md': ['service-env', 'start-flags', 'simulate-flags', 'sweep-flags'] };

describe('the settings tables in the docs', () => {
  it.each(Object.entries(DOCS))('%s shows the tables the declarations make now (else: npm run docs:tables)', (file, names) => {
    const marked = markedTables(readFileSync(new URL(file, ROOT), 'utf8'));
    expect([...marked.keys()].sort()).toEqual([...names].sort());
    const current = settingsTables();
    for (const name of names) expect(marked.get(name), `table "${name}" in ${file}`).toBe(current[name]);
  });

  it('a table with a stale default is rewritten, and nothing around it changes', () => {
    const current = settingsTables()['simulate-flags'];
    const stale = current.replace('| `--capacity` | 3 |', '| `--capacity` | 4 |');
    expect(stale).not.toBe(current);
    const doc = `before\n<!-- settings:simulate-flags -->\n${stale}\n<!-- /settings:simulate-flags -->\nafter\n`;
    expect(withCurrentTables(doc)).toBe(`before\n<!-- settings:simulate-flags -->\n${current}\n<!-- /settings:simulate-flags -->\nafter\n`);
  });

  it('lists every service variable with its default, and every start flag', () => {
    const tables = settingsTables();
    expect(tables['service-env']).toContain('| `QUEUE_CAPACITY` | `--capacity` | 3 | meals the queue holds; fixed at first use |');
    expect(tables['service-env']).toContain('| `SEED` | `--seed` | random |');
    expect(tables['start-flags']).toContain('| `--producers` | 1 | number of cooks, one process each |');
    expect(tables['sweep-flags']).toContain('| `--replications` | 5 |');
  });
});
