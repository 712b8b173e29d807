import { Command } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { encodeCommand, encodedCommand } from './encoded-command.js';

/** What ioredis itself writes for the command, as bytes. */
const ioredisBytes = (name: string, args: Array<string | number | Buffer>): Buffer => {
  const written = new Command(name, args).toWritable({});
  return Buffer.isBuffer(written) ? written : Buffer.from(written, 'utf8');
};

describe('encodeCommand', () => {
  it('writes the bytes ioredis writes for strings and numbers', () => {
    const args = ['key', 42, 'é ✓ 𝄞', '', -1.5, 'x'.repeat(1000)];
    expect(encodeCommand('rpush', args)).toEqual(ioredisBytes('rpush', args));
  });

  it('writes Buffers byte for byte, the empty one too', () => {
    const args = ['key', Buffer.from([0, 255, 13, 10]), Buffer.alloc(0), 7, Buffer.from('{"a":1}')];
    expect(encodeCommand('rpush', args)).toEqual(ioredisBytes('rpush', args));
  });

  it('counts arguments past one digit', () => {
    const args = Array.from({ length: 123 }, (_, i) => (i % 2 === 0 ? `item-${i}` : Buffer.from(`bytes-${i}`)));
    expect(encodeCommand('lpush', args)).toEqual(ioredisBytes('lpush', args));
  });
});

describe('encodedCommand', () => {
  it('goes out as its encoded bytes and keeps its arguments for ioredis to read', () => {
    const args = ['key', Buffer.from([1, 2])];
    const command = encodedCommand('rpush', args);
    expect(command.toWritable({})).toEqual(encodeCommand('rpush', args));
    expect(command.args).toBe(args);
  });
});
