import { readFileSync } from 'node:fs';

/** The queue's scripts; the build copies them next to the compiled code, so src and dist alike have them here. */
export const COMMANDS_DIR = new URL('../commands/', import.meta.url);
const INCLUDE = /^-- @include ([a-z-]+)$/m;

/**
 * A script's text with its `-- @include name` lines replaced by the queue's
 * `commands/includes/name.lua`. `file` is a name in the queue's commands folder, or a URL of a
 * script elsewhere that builds on the same includes.
 */
export function loadLuaScript(file: string | URL): string {
  let source = readFileSync(new URL(file, COMMANDS_DIR), 'utf8');
  for (let match = INCLUDE.exec(source); match; match = INCLUDE.exec(source)) {
    const included = readFileSync(new URL(`includes/${match[1]}.lua`, COMMANDS_DIR), 'utf8');
    // A function, so that a `$` in the included Lua (a pattern anchor) is not read as a replacement pattern.
    source = source.replace(match[0], () => included);
  }
  return source;
}
