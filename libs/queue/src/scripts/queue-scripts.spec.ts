import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS_DIR } from './load-lua.js';
import { queueScripts } from './queue-scripts.js';

/** The names a script's header gives its `KEYS[i]` or `ARGV[i]`, in order. */
function headerNames(lua: string, kind: 'KEYS' | 'ARGV'): string[] {
  const header = /^--\[\[([\s\S]*?)\]\]/.exec(lua)?.[1] ?? '';
  const lines = [...header.matchAll(new RegExp(`^\\s*${kind}\\[(\\d+)\\] (\\w+)`, 'gm'))];
  lines.forEach(([, index], position) => expect(Number(index)).toBe(position + 1));
  return lines.map(([, , name]) => name);
}

describe('the queue scripts and their headers', () => {
  it.each(Object.entries(queueScripts))('%s names its keys and arguments in the order its header states them', (_, script) => {
    expect(headerNames(script.lua, 'KEYS')).toEqual(script.keyNames);
    expect(headerNames(script.lua, 'ARGV')).toEqual(script.argNames);
  });

  it('defines every script in the commands folder, and nothing else', () => {
    const files = readdirSync(COMMANDS_DIR).filter((file) => file.endsWith('.lua'));
    expect(Object.values(queueScripts).map((script) => script.file).sort()).toEqual(files.sort());
  });
});
