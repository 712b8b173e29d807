// Copies a project's files that tsc does not emit from src/ to dist/, so that the build output
// runs on its own. Each argument is an extension (`.lua`) or a folder below src/ (`dashboard/public`).
import { cpSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const wanted = process.argv.slice(2);
if (wanted.length === 0) throw new Error('usage: copy-assets.mjs <.extension | folder below src/> ...');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield relative('src', path);
  }
}

const isWanted = (file) =>
  wanted.some((want) => (want.startsWith('.') ? file.endsWith(want) : file.startsWith(`${join(want)}${sep}`)));

for (const file of files('src')) if (isWanted(file)) cpSync(join('src', file), join('dist', file));
