import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { uniqueQueueName, useTestRedis } from '@restaurant/testing';
import { execInOneWrite, TransactionError } from './transaction-in-one-write.js';

const redis = useTestRedis();

describe('execInOneWrite against real Redis', () => {
  it('runs the commands as one transaction and resolves with their replies in order', async () => {
    const key = uniqueQueueName('tx');
    expect(await execInOneWrite(redis.client(), [['set', key, 'a'], ['append', key, 'b'], ['get', key]])).toEqual(['OK', 2, 'ab']);
  });

  it('waits for a connection that is connected but not ready, so the commands are not sent after an empty MULTI/EXEC', async () => {
    const fresh = new Redis(redis.url);
    try {
      const key = uniqueQueueName('tx');
      await once(fresh, 'connect');
      expect(fresh.status).toBe('connect');
      expect(await execInOneWrite(fresh, [['set', key, 'v'], ['get', key]])).toEqual(['OK', 'v']);
    } finally {
      fresh.disconnect();
    }
  });

  it('fails at once, sending nothing, on a connection without an offline queue that is not ready', async () => {
    const fresh = new Redis(redis.url, { enableOfflineQueue: false });
    try {
      const key = uniqueQueueName('tx');
      await expect(execInOneWrite(fresh, [['set', key, 'v']])).rejects.toThrow(/not sent/);
      await new Promise((resolve) => fresh.once('ready', resolve));
      expect(await fresh.exists(key)).toBe(0);
    } finally {
      fresh.disconnect();
    }
  });

  it('fails on a connection closed for good', async () => {
    const closed = redis.client();
    await closed.ping();
    closed.disconnect();
    await expect(execInOneWrite(closed, [['ping']])).rejects.toThrow(/closed/);
  });

  it('runs nothing when Redis refuses a command as it is queued, and names the refusal', async () => {
    const client = redis.client();
    const key = uniqueQueueName('tx');
    const refused = execInOneWrite(client, [['set', key, 'x'], ['rpop']]);
    await expect(refused).rejects.toThrow(TransactionError);
    await expect(refused).rejects.toMatchObject({ causes: [expect.objectContaining({ message: expect.stringMatching(/wrong number of arguments/) })] });
    expect(await client.get(key)).toBeNull();
  });

  it('rejects when a command fails inside the transaction', async () => {
    const client = redis.client();
    const key = uniqueQueueName('tx');
    await expect(execInOneWrite(client, [['set', key, 'x'], ['lpush', key, 'y']])).rejects.toThrow(/WRONGTYPE/);
  });

  it('hands every command to the socket while it is corked, so they leave in one write', async () => {
    const client = redis.client();
    await client.ping();
    const stream = client.stream;
    const corkedAtWrite: number[] = [];
    const write = stream.write.bind(stream);
    stream.write = ((...args: Parameters<typeof write>) => {
      corkedAtWrite.push(stream.writableCorked);
      return write(...args);
    }) as typeof stream.write;
    await execInOneWrite(client, [['ping'], ['ping']]);
    expect(corkedAtWrite).toHaveLength(4);
    expect(corkedAtWrite.every((corked) => corked > 0)).toBe(true);
  });
});

/**
 * A server that speaks just enough RESP to script a connection loss: each connection gets the
 * next handler, which sees every command (as an array of strings) and may answer or hang up.
 */
async function scriptedServer(handlers: Array<(command: string[], socket: Socket) => void>) {
  const received: string[][][] = [];
  const server: Server = createServer((socket) => {
    const handler = handlers[received.length] ?? (() => undefined);
    const commands: string[][] = [];
    received.push(commands);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (let parsed = parseCommand(pending); parsed; parsed = parseCommand(pending)) {
        pending = pending.subarray(parsed.used);
        commands.push(parsed.command);
        if (!socket.destroyed) handler(parsed.command, socket);
      }
    });
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = new Redis({
    port: (server.address() as AddressInfo).port,
    host: '127.0.0.1',
    enableReadyCheck: false,
    disableClientInfo: true,
    maxRetriesPerRequest: null,
    retryStrategy: () => 10,
  });
  return {
    client,
    received,
    async close() {
      client.disconnect();
      server.close();
    },
  };
}

function parseCommand(buffer: Buffer): { command: string[]; used: number } | null {
  const text = buffer.toString('latin1');
  const header = /^\*(\d+)\r\n/.exec(text);
  if (!header) return null;
  let at = header[0].length;
  const command: string[] = [];
  for (let i = 0; i < Number(header[1]); i++) {
    const bulk = /^\$(\d+)\r\n/.exec(text.slice(at));
    if (!bulk || text.length < at + bulk[0].length + Number(bulk[1]) + 2) return null;
    at += bulk[0].length;
    command.push(text.slice(at, at + Number(bulk[1])));
    at += Number(bulk[1]) + 2;
  }
  return { command, used: at };
}

describe('execInOneWrite when the connection drops', () => {
  it('sends no fragment again once part of the replies has come', async () => {
    const server = await scriptedServer([
      (command, socket) => {
        if (command[0] === 'multi') socket.write('+OK\r\n');
        else if (command[0] === 'set') socket.end('+QUEUED\r\n', () => socket.destroy());
      },
      (command, socket) => socket.write(command[0] === 'ping' ? '+PONG\r\n' : '-ERR a fragment\r\n'),
    ]);
    try {
      await expect(execInOneWrite(server.client, [['set', 'k', 'v'], ['rpop', 'q', '10']])).rejects.toThrow(TransactionError);
      expect(await server.client.ping()).toBe('PONG');
      expect(server.received[0].map(([name]) => name)).toEqual(['multi', 'set', 'rpop', 'exec']);
      expect(server.received[1]).toEqual([['ping']]);
    } finally {
      await server.close();
    }
  });

  it('sends the whole transaction again, MULTI first, when no reply had come', async () => {
    const server = await scriptedServer([
      (command, socket) => {
        if (command[0] === 'exec') socket.destroy();
      },
      (command, socket) => {
        if (command[0] === 'multi') socket.write('+OK\r\n');
        else if (command[0] === 'exec') socket.write('*2\r\n:1\r\n$1\r\na\r\n');
        else socket.write('+QUEUED\r\n');
      },
    ]);
    try {
      expect(await execInOneWrite(server.client, [['lpush', 'q', 'a'], ['rpop', 'q', '10']])).toEqual([1, 'a']);
      const again = ['multi', 'lpush', 'rpop', 'exec'];
      expect(server.received[0].map(([name]) => name)).toEqual(again);
      expect(server.received[1].map(([name]) => name)).toEqual(again);
    } finally {
      await server.close();
    }
  });
});
