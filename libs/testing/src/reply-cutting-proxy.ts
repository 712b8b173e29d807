import { connect, createServer, type Socket } from 'node:net';

export interface ReplyCuttingProxy {
  /** A redis:// URL that reaches the server through the proxy. */
  readonly url: string;
  /**
   * The next reply from the server is never delivered: the connection it would travel on is
   * closed instead, after the server has run the command, as when a network or a server fails
   * between running a command and answering it.
   */
  cutNextReply(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of a Redis server that can lose a reply on demand (see `cutNextReply`). */
export async function startReplyCuttingProxy(serverUrl: string): Promise<ReplyCuttingProxy> {
  const server = new URL(serverUrl);
  const sockets = new Set<Socket>();
  let cutPending = false;
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    return socket;
  };
  const proxy = createServer((client) => {
    const upstream = track(connect(Number(server.port || 6379), server.hostname));
    track(client);
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (reply) => {
      if (!cutPending) {
        client.write(reply);
        return;
      }
      cutPending = false;
      closeBoth();
    });
    for (const socket of [client, upstream]) {
      socket.on('error', closeBoth);
      socket.on('close', closeBoth);
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
  const url = new URL(serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    cutNextReply: () => void (cutPending = true),
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
