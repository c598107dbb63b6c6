import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { installParentPortShim } from './parentPortShim.ts';
import { createUtilityTrainerChannel } from './utilityTrainerChannel.ts';
import type { UtilityProcessLike } from './utilityTrainerChannel.ts';

class FakeUtility extends EventEmitter {
  posted: unknown[] = [];
  stderr = new PassThrough();
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

function setup() {
  const child = new FakeUtility();
  const fork = vi.fn(() => child as unknown as UtilityProcessLike);
  const channel = createUtilityTrainerChannel(fork, '/app/dist/electron/trainer.cjs');
  return { child, fork, channel };
}

describe('utility-process trainer channel', () => {
  it('forks the trainer bundle as a named utility process', () => {
    const { fork } = setup();
    expect(fork).toHaveBeenCalledWith(
      '/app/dist/electron/trainer.cjs',
      [],
      expect.objectContaining({ serviceName: 'NetDesigner Trainer' }),
    );
  });

  it('queues messages until the process has spawned, then delivers them in order', () => {
    const { child, channel } = setup();
    channel.send({ type: 'environment' });
    channel.send({ type: 'stop', runId: 'r1' });
    expect(child.posted).toEqual([]);
    child.emit('spawn');
    channel.send({ type: 'shutdown' });
    expect(child.posted).toEqual([
      { type: 'environment' },
      { type: 'stop', runId: 'r1' },
      { type: 'shutdown' },
    ]);
  });

  it('passes messages and the exit code from the process to the service', () => {
    const { child, channel } = setup();
    const messages: unknown[] = [];
    const exits: (number | null)[] = [];
    channel.onMessage((m) => messages.push(m));
    channel.onExit((code) => exits.push(code));
    child.emit('message', { event: 'epoch', epoch: 1 });
    child.emit('exit', 3);
    expect(messages).toEqual([{ event: 'epoch', epoch: 1 }]);
    expect(exits).toEqual([3]);
  });

  it('carries out a kill asked for before the process spawned, without delivering queued messages', () => {
    const { child, channel } = setup();
    channel.send({ type: 'environment' });
    channel.kill();
    expect(child.killed).toBe(false);
    child.emit('spawn');
    expect(child.killed).toBe(true);
    expect(child.posted).toEqual([]);
  });

  it('kills the process once and ignores sends after it exited', () => {
    const { child, channel } = setup();
    child.emit('spawn');
    channel.kill();
    channel.kill();
    channel.send({ type: 'shutdown' });
    expect(child.killed).toBe(true);
    expect(child.posted).toEqual([]);
  });
});

it('keeps the tail of the trainer stderr for crash reports', async () => {
  const { child, channel } = setup();
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  child.stderr.write('loading backend\n');
  child.stderr.write('Error: libcudnn.so.8: cannot open shared object file\n');
  await new Promise((resolve) => setImmediate(resolve));
  write.mockRestore();
  expect(channel.stderrTail?.()).toContain('libcudnn.so.8: cannot open shared object file');
});

describe('parentPort shim', () => {
  it('maps process.send / process.on("message") onto the utility parentPort', () => {
    const port = new EventEmitter() as EventEmitter & { postMessage: (m: unknown) => void };
    const posted: unknown[] = [];
    port.postMessage = (m) => posted.push(m);
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    installParentPortShim(proc, port as never);
    const received: unknown[] = [];
    proc.on('message', (m: unknown) => received.push(m));
    port.emit('message', { data: { type: 'start' } });
    proc.send!({ event: 'started' });
    expect(received).toEqual([{ type: 'start' }]);
    expect(posted).toEqual([{ event: 'started' }]);
  });
});
