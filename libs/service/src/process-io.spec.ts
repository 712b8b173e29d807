import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { processIo } from './process-io.js';

/** A stand-in for Node's process: signals are events the test emits, output goes to a list. */
function fakeNode({ argv = ['/usr/bin/node', '/app/main.js'], isTTY }: { argv?: string[]; isTTY?: boolean } = {}) {
  const written: string[] = [];
  const sink = (name: string) => ({ write: (text: string) => written.push(`${name}:${text}`) });
  const node = Object.assign(new EventEmitter(), {
    argv,
    env: { QUEUE_NAME: 'kitchen' },
    execPath: '/usr/bin/node',
    stdout: sink('out'),
    stderr: Object.assign(sink('err'), { isTTY }),
  });
  return { node, written };
}

describe('processIo', () => {
  it("hands over the arguments after node's and the script's, the environment, the output and the host", () => {
    const { node, written } = fakeNode({ argv: ['/usr/bin/node', '/app/main.js', 'sweep', '--seed', '1'] });
    const io = processIo(node);
    expect(io).toMatchObject({ args: ['sweep', '--seed', '1'], env: node.env, execPath: '/usr/bin/node', hostname: hostname() });
    io.stdout.write('a');
    io.stderr.write('b');
    expect(written).toEqual(['out:a', 'err:b']);
  });

  it.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('says stderr is a terminal only when it is one (isTTY %s)', (isTTY, expected) => {
    expect(processIo(fakeNode({ isTTY }).node).stderrIsTerminal).toBe(expected);
  });

  it.each(['SIGTERM', 'SIGINT'])('calls the stop handler on %s', (signal) => {
    const { node } = fakeNode();
    let stops = 0;
    processIo(node).onStopSignal(() => stops++);
    node.emit(signal);
    expect(stops).toBe(1);
  });
});
