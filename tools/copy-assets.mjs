// Copies a project's Lua scripts from src/ to dist/, so that the build output runs on its own.
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function* luaFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* luaFiles(path);
    else if (entry.name.endsWith('.lua')) yield path;
  }
}

for (const file of luaFiles('src')) cpSync(file, join('dist', relative('src', file)));
