/**
 * The script without its comments and blank lines: for a script sent whole with every call
 * (EVAL), which Redis hashes each time to find it compiled. Inline comments after code stay.
 */
export function compactLua(source: string): string {
  return source
    .replace(/--\[\[[\s\S]*?\]\]/g, '')
    .split('\n')
    .filter((line) => !/^\s*(--.*)?$/.test(line))
    .join('\n');
}
