import type { QueueFrame } from '../dashboard/queue-frame.js';

/** A dashboard's stream of frames read as a page would, for specs: each `data:` block is one frame. */
export interface FrameStream {
  /** The next frame that satisfies `wanted`, skipping others; rejects after the timeout. */
  next(wanted?: (frame: QueueFrame) => boolean, timeoutMs?: number): Promise<QueueFrame>;
  close(): void;
}

export async function openFrameStream(url: string): Promise<FrameStream> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pending: QueueFrame[] = [];
  const readFrame = async (): Promise<QueueFrame> => {
    for (;;) {
      const queued = pending.shift();
      if (queued) return queued;
      const { value, done } = await reader.read();
      if (done) throw new Error(`${url} ended its stream`);
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) pending.push(JSON.parse(data.slice('data: '.length)) as QueueFrame);
      }
    }
  };
  return {
    async next(wanted = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last: QueueFrame | undefined;
      while (Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), deadline - Date.now())));
        const frame = await Promise.race([readFrame(), timeout]);
        clearTimeout(timer);
        if (frame === undefined) break;
        if (wanted(frame)) return frame;
        last = frame;
      }
      throw new Error(`no wanted frame from ${url} within ${timeoutMs} ms; the last one: ${JSON.stringify(last)?.slice(0, 500)}`);
    },
    close: () => abort.abort(),
  };
}
