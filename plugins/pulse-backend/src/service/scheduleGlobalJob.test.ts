import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseContext } from './context';
import { pulseJobTaskId, scheduleGlobalJob } from './scheduleGlobalJob';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

type ScheduledTask = SchedulerServiceTaskScheduleDefinition & { id: string; fn: (signal: AbortSignal) => Promise<void> };

describe('pulseJobTaskId', () => {
  it('prefixes the config name with pulse- in kebab case', () => {
    expect(pulseJobTaskId('sloRollup')).toBe('pulse-slo-rollup');
    expect(pulseJobTaskId('retention')).toBe('pulse-retention');
  });
});

describe.each(databases.eachSupportedId())('scheduleGlobalJob on %p', databaseId => {
  async function schedule(jobsConfig: object, run: () => Promise<string>) {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const tasks: ScheduledTask[] = [];
    const ctx = {
      store,
      config: mockServices.rootConfig({ data: { pulse: { jobs: jobsConfig } } }),
      logger: mockServices.logger.mock(),
      scheduler: { scheduleTask: async (task: ScheduledTask) => void tasks.push(task) },
    } as unknown as PulseContext;
    await scheduleGlobalJob(ctx, {
      name: 'sloRollup',
      defaultSchedule: { frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 5 } },
      run,
    });
    return { store, task: tasks[0] };
  }

  it('schedules with scope global, lets pulse.jobs.<name> override single keys, and records each run', async () => {
    const { store, task } = await schedule({ sloRollup: { frequency: { seconds: 10 } } }, async () => 'moved 3');

    expect(task).toMatchObject({
      id: 'pulse-slo-rollup',
      scope: 'global',
      frequency: { seconds: 10 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 5 },
    });
    const before = Date.now();
    await task.fn(new AbortController().signal);
    await task.fn(new AbortController().signal);

    const runs = await store.jobRuns.list('pulse-slo-rollup');
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ jobId: 'pulse-slo-rollup', outcome: 'succeeded', summary: 'moved 3' });
    expect(runs[0].runner).toBe(`${require('node:os').hostname()}:${process.pid}`);
    expect(runs[0].startedAt).toBeGreaterThanOrEqual(before);
    expect(runs[0].finishedAt).toBeGreaterThanOrEqual(runs[0].startedAt);
    expect(await store.jobRuns.list('pulse-slo-rollup', Date.now() + 1000)).toEqual([]);
  });

  it('records a failed run with its message and rethrows for the scheduler', async () => {
    const { store, task } = await schedule({}, async () => {
      throw new Error('database went away');
    });

    await expect(task.fn(new AbortController().signal)).rejects.toThrow('database went away');
    expect(await store.jobRuns.list('pulse-slo-rollup')).toEqual([
      expect.objectContaining({ outcome: 'failed', summary: 'database went away' }),
    ]);
    expect(task.frequency).toEqual({ hours: 1 });
  });

  it('deletes runs older than a cutoff and keeps the rest', async () => {
    const { store } = await schedule({}, async () => '');
    for (const startedAt of [1000, 2000, 3000]) {
      const id = await store.jobRuns.start({ jobId: 'pulse-x', runner: 'a:1', startedAt });
      await store.jobRuns.finish(id, { outcome: 'succeeded', finishedAt: startedAt + 5 });
    }
    expect(await store.jobRuns.deleteBefore(2500)).toBe(2);
    expect(await store.jobRuns.list('pulse-x')).toEqual([
      { id: expect.any(Number), jobId: 'pulse-x', runner: 'a:1', startedAt: 3000, finishedAt: 3005, outcome: 'succeeded' },
    ]);
  });
});
