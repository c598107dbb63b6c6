/** One training run per host: a second start while one trains is refused with the run's id. */
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../data/testing/fixtures.ts';
import type { TrainerChannel } from '../process/messages.ts';
import { convPoolNet } from '../../network/testDocs.ts';
import { createTrainingService } from './trainingService.ts';

afterAll(removeTempDirs);

/** A trainer stand-in that stays "training" until the test ends it. */
function fakeTrainer(): { channel: TrainerChannel; end: (runId: string) => void } {
  let listener: (msg: unknown) => void = () => undefined;
  return {
    channel: {
      send: () => undefined,
      onMessage: (cb) => (listener = cb),
      onExit: () => undefined,
      kill: () => undefined,
    },
    end: (runId) =>
      listener({
        type: 'event',
        event: { event: 'failed', runId, message: 'stopped by the test' },
      }),
  };
}

describe('training service: one run at a time', () => {
  it('refuses a second start while a run trains, and accepts one after it ended', async () => {
    const trainers: ReturnType<typeof fakeTrainer>[] = [];
    const service = createTrainingService({
      runsDir: tempDir('netd-queue-'),
      spawn: () => {
        const t = fakeTrainer();
        trainers.push(t);
        return t.channel;
      },
    });
    const req = { doc: convPoolNet([16, 16, 3], 4), data: 'synthetic', options: { epochs: 1 } };
    const { runId } = await service.start(req);
    await expect(service.start(req)).rejects.toThrow(
      new RegExp(`run ${runId} is still training — stop it or wait until it ends`),
    );
    // Eight starts at once: none gets through while the first trains.
    const burst = await Promise.allSettled(Array.from({ length: 8 }, () => service.start(req)));
    expect(burst.every((r) => r.status === 'rejected')).toBe(true);
    expect(trainers).toHaveLength(1);
    trainers[0]!.end(runId);
    await expect(service.start(req)).resolves.toMatchObject({ runId: expect.any(String) });
    await service.dispose();
  });
});
