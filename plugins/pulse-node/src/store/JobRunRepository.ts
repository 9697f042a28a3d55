import { Knex } from 'knex';

/** How a job run ended; 'running' until it does. */
export type JobRunOutcome = 'running' | 'succeeded' | 'failed';

/** One run of a scheduled Pulse job. */
export interface JobRunRecord {
  id: number;
  jobId: string;
  runner: string;
  startedAt: number;
  finishedAt?: number;
  outcome: JobRunOutcome;
  summary?: string;
}

/** Rows per DELETE statement, so clean-up never holds locks on many rows at once. */
const DELETE_BATCH = 5000;

function toRecord(row: any): JobRunRecord {
  return {
    id: Number(row.id),
    jobId: row.job_id,
    runner: row.runner,
    startedAt: Number(row.started_at),
    ...(row.finished_at !== null && row.finished_at !== undefined ? { finishedAt: Number(row.finished_at) } : {}),
    outcome: row.outcome,
    ...(row.summary ? { summary: row.summary } : {}),
  };
}

/** The log of scheduled job runs (`pulse_job_run`): which replica ran which job when, and how it ended. */
export class JobRunRepository {
  constructor(private readonly db: Knex) {}

  /** Records the start of a run; returns its id for `finish`. */
  async start(run: { jobId: string; runner: string; startedAt: number }): Promise<number> {
    const [row] = await this.db('pulse_job_run')
      .insert({ job_id: run.jobId, runner: run.runner, started_at: run.startedAt, outcome: 'running' })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** Records how a run ended. */
  async finish(id: number, end: { outcome: Exclude<JobRunOutcome, 'running'>; finishedAt: number; summary?: string }) {
    await this.db('pulse_job_run')
      .where('id', id)
      .update({ outcome: end.outcome, finished_at: end.finishedAt, summary: end.summary ?? null });
  }

  /** A job's runs started at or after `sinceMs`, oldest first. */
  async list(jobId: string, sinceMs = 0): Promise<JobRunRecord[]> {
    const rows = await this.db('pulse_job_run')
      .where('job_id', jobId)
      .andWhere('started_at', '>=', sinceMs)
      .orderBy('started_at');
    return rows.map(toRecord);
  }

  /** Deletes runs started before the cutoff, a batch of ids per statement; returns how many. */
  async deleteBefore(cutoffMs: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = this.db('pulse_job_run').where('started_at', '<', cutoffMs).orderBy('id').limit(DELETE_BATCH).select('id');
      const count = Number(await this.db('pulse_job_run').whereIn('id', batch).delete());
      deleted += count;
      if (count < DELETE_BATCH) return deleted;
    }
  }
}
