import {
  SchedulerServiceTaskScheduleDefinition,
  SchedulerServiceTaskScheduleDefinitionConfig,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { hostname } from 'node:os';
import { PulseContext } from './context';

/** Which replica ran a job, as recorded in `pulse_job_run`. */
const RUNNER = `${hostname()}:${process.pid}`;

/** A Pulse background job: its name under `pulse.jobs`, its default schedule and what one run does. */
export interface PulseJob {
  /** Config key under `pulse.jobs`, e.g. `sloRollup`; the scheduler task id is `pulse-slo-rollup`. */
  name: string;
  defaultSchedule: Omit<SchedulerServiceTaskScheduleDefinitionConfig, 'scope'>;
  /** One run; resolves to a one-line summary for the log and the job-run table. */
  run(signal: AbortSignal): Promise<string>;
}

/** `sloRollup` -> `pulse-slo-rollup`. */
export function pulseJobTaskId(name: string): string {
  return `pulse-${name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
}

/**
 * Schedules a job with scope global, so across N replicas on one database each run happens once (the scheduler
 * claims it with a row lock in its own table). `pulse.jobs.<name>` may override any of frequency, timeout and
 * initialDelay. Every run is recorded in `pulse_job_run`.
 */
export async function scheduleGlobalJob(ctx: PulseContext, job: PulseJob): Promise<void> {
  const overrides = ctx.config.getOptionalConfig(`pulse.jobs.${job.name}`)?.get<object>() ?? {};
  const schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
    new ConfigReader({ ...(job.defaultSchedule as object), ...overrides }),
  );
  await scheduleGlobalTask(ctx, pulseJobTaskId(job.name), schedule, job.run);
}

/**
 * Schedules a task with scope global under the given id and schedule, recording every run in `pulse_job_run`: the
 * part of {@link scheduleGlobalJob} for jobs whose schedule comes from their own config (sources, decisions).
 */
export async function scheduleGlobalTask(
  ctx: PulseContext,
  id: string,
  schedule: SchedulerServiceTaskScheduleDefinition,
  run: (signal: AbortSignal) => Promise<string>,
): Promise<void> {
  await ctx.scheduler.scheduleTask({
    id,
    ...schedule,
    scope: 'global', // after the spread: a schedule read from config carries scope undefined
    fn: async signal => {
      const runId = await ctx.store.jobRuns.start({ jobId: id, runner: RUNNER, startedAt: Date.now() });
      try {
        const summary = await run(signal);
        await ctx.store.jobRuns.finish(runId, { outcome: 'succeeded', finishedAt: Date.now(), summary });
        ctx.logger.info(`${id}: ${summary}`);
      } catch (error) {
        const summary = error instanceof Error ? error.message : String(error);
        await ctx.store.jobRuns.finish(runId, { outcome: 'failed', finishedAt: Date.now(), summary });
        throw error; // the scheduler logs it and keeps it as the task's last error
      }
    },
  });
}
