import { describe, expect, it } from 'vitest';
import { compactLua } from './compact-lua.js';

describe('compactLua', () => {
  it('drops block comments, comment lines and blank lines, and keeps code with its inline comments', () => {
    const source = ['--[[', '  what it does', ']]', 'local x = 1 -- why', '', '  -- a note', 'return x'].join('\n');
    expect(compactLua(source)).toBe('local x = 1 -- why\nreturn x');
  });
});
