import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../entries.js';

/**
 * The text of a fenced block that a doc marks with `<!-- run: NAME … -->` (commands a test runs
 * exactly as a reader copies them) or `<!-- sample: NAME … -->` (output a test compares with the
 * real output) on the line before it.
 */
export function docBlock(docPath: string, name: string, kind: 'run' | 'sample' = 'run'): string {
  const text = readFileSync(join(REPO_ROOT, docPath), 'utf8');
  const marker = new RegExp(`^ *<!-- ${kind}: ${name}\\b.*-->\\n *\`\`\`\\w*\\n([\\s\\S]*?)^ *\`\`\`$`, 'm');
  const found = marker.exec(text);
  if (found === null) throw new Error(`${docPath} has no block marked "<!-- ${kind}: ${name} -->"`);
  return found[1] as string;
}

/** The block's commands one by one: continuation lines joined, comments and blank lines dropped. */
export function docCommands(docPath: string, name: string): string[] {
  return docBlock(docPath, name)
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
