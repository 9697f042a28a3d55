import { SloThresholdOperator } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Source rows moved per transaction: one short statement each, so no lock is held for long. */
export const SLO_ROLLUP_BATCH_ROWS = 5000;

/** Where a roll-up step reads from and what bucket it sums into. */
interface RollupStep {
  source: 'pulse_sli_sample' | 'pulse_sli_rollup' | 'pulse_sli_value';
  /** The source rows' resolution when reading roll-ups. */
  sourceResolution?: 'hour';
  target: 'hour' | 'day';
  bucketMs: number;
  /** What a bucket's good and total are; SUM(good) and SUM(total) unless the source holds threshold values. */
  sums?: { good: string; total: string; bindings: number[] };
  /** Only this objective's rows (a threshold objective's values are judged by its own threshold); default all. */
  objective?: string;
}

const SQL_OPERATORS: Record<SloThresholdOperator, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

const RAW_TO_HOURLY: RollupStep = { source: 'pulse_sli_sample', target: 'hour', bucketMs: HOUR_MS };
const HOURLY_TO_DAILY: RollupStep = { source: 'pulse_sli_rollup', sourceResolution: 'hour', target: 'day', bucketMs: DAY_MS };

/**
 * Keeps the sample tables bounded: raw samples older than a cutoff become hourly sums, hourly sums older than a
 * longer cutoff become daily sums (both in `pulse_sli_rollup`), and old daily sums are dropped. Every batch moves at
 * most SLO_ROLLUP_BATCH_ROWS rows in one transaction (sum into the target, delete the source), so a run can stop
 * anywhere without losing or double counting events. On PostgreSQL each batch holds the SLO row's lock, which
 * `writeSamples` waits for, so a concurrent write cannot land in an hour that is being rolled up.
 */
export class SloRollupRepository {
  constructor(private readonly db: Knex) {}

  /**
   * Rolls an SLO's raw samples with ts < cutoff (rounded down to the hour, so the cutoff splits no hour) into hourly
   * sums; returns how many raw rows were rolled up.
   */
  async rollUpBefore(sloId: number, cutoffMs: number): Promise<number> {
    return this.moveBefore(RAW_TO_HOURLY, sloId, cutoffMs - (cutoffMs % HOUR_MS));
  }

  /**
   * Rolls a threshold SLO's raw values with ts < cutoff (rounded down to the hour) into hourly good/total counts under
   * its objective's threshold (OpenSLO allows one objective with a thresholdMetric); returns how many values. In a
   * composite SLO, `objective` names the threshold objective whose values these are.
   */
  async rollUpValuesBefore(
    sloId: number,
    cutoffMs: number,
    threshold: { op: SloThresholdOperator; value: number },
    objective = '',
  ): Promise<number> {
    const sums = {
      good: `SUM(CASE WHEN value ${SQL_OPERATORS[threshold.op]} ? THEN 1 ELSE 0 END)`,
      total: 'COUNT(*)',
      bindings: [threshold.value],
    };
    return this.moveBefore(
      { ...RAW_TO_HOURLY, source: 'pulse_sli_value', sums, objective },
      sloId,
      cutoffMs - (cutoffMs % HOUR_MS),
    );
  }

  /** Rolls an SLO's hourly sums with ts < cutoff (rounded down to a day) into daily sums; returns how many. */
  async rollUpHoursBefore(sloId: number, cutoffMs: number): Promise<number> {
    return this.moveBefore(HOURLY_TO_DAILY, sloId, cutoffMs - (cutoffMs % DAY_MS));
  }

  /** Drops an SLO's daily sums older than the cutoff (the end of retention); returns how many. */
  async deleteRollupsBefore(sloId: number, cutoffMs: number): Promise<number> {
    return this.db('pulse_sli_rollup').where({ slo_id: sloId, resolution: 'day' }).andWhere('ts', '<', cutoffMs).delete();
  }

  /**
   * Per SLO, the end of its newest rolled-up bucket: samples before it are summed already and cannot be replaced.
   * On PostgreSQL this share-locks the SLO rows until `trx` ends, so no roll-up batch runs in between.
   */
  async rolledUpUntil(trx: Knex.Transaction, sloIds: number[]): Promise<Map<number, number>> {
    const newest = (resolution: string) =>
      trx('pulse_sli_rollup as r')
        .max('r.ts')
        .where('r.slo_id', trx.ref('s.id'))
        .andWhere('r.resolution', resolution)
        .as(`${resolution}_ts`);
    const query = trx('pulse_slo as s').select('s.id', newest('hour'), newest('day')).whereIn('s.id', sloIds);
    const rows = await (this.locksRows() ? query.forShare('s') : query);
    const until = new Map<number, number>();
    for (const row of rows) {
      const ends = [
        row.hour_ts === null ? -Infinity : Number(row.hour_ts) + HOUR_MS,
        row.day_ts === null ? -Infinity : Number(row.day_ts) + DAY_MS,
      ];
      until.set(Number(row.id), Math.max(...ends));
    }
    return until;
  }

  /** Moves one SLO's source rows with ts < cutoff into target buckets, a batch per transaction. */
  private async moveBefore(step: RollupStep, sloId: number, cutoffMs: number): Promise<number> {
    let moved = 0;
    for (;;) {
      const { count, more } = await this.db.transaction(trx => this.moveBatch(trx, step, sloId, cutoffMs));
      moved += count;
      if (!more) return moved;
    }
  }

  /**
   * Sums the oldest batch of source rows into their buckets and deletes them; returns how many rows moved and whether
   * rows before the cutoff are left.
   */
  private async moveBatch(
    trx: Knex.Transaction,
    step: RollupStep,
    sloId: number,
    cutoffMs: number,
  ): Promise<{ count: number; more: boolean }> {
    if (this.locksRows()) {
      await trx('pulse_slo').where('id', sloId).forNoKeyUpdate().first('id');
    }
    const filters: Array<[string, string | number | undefined]> = [
      ['slo_id = ?', sloId],
      ['objective = ?', step.objective],
      ['resolution = ?', step.sourceResolution],
      ['ts < ?', cutoffMs],
    ];
    const used = filters.filter(([, value]) => value !== undefined) as Array<[string, string | number]>;
    const sourceFilter = used.map(([sql]) => sql).join(' AND ');
    const sourceBindings = used.map(([, value]) => value);
    // The batch ends at the first row past SLO_ROLLUP_BATCH_ROWS: a range by ts, read from the index. A composite
    // SLO's objectives share instants, so a batch may hold a few rows more (at most one per objective and instant).
    const next = await trx(step.source)
      .whereRaw(sourceFilter, sourceBindings)
      .orderBy('ts')
      .offset(SLO_ROLLUP_BATCH_ROWS)
      .first('ts');
    const batch = `${sourceFilter} AND ts < ?`;
    const batchBindings = [...sourceBindings, next ? Number(next.ts) : cutoffMs];

    // The bucket width is a constant of this file, inlined so PostgreSQL sees the same GROUP BY expression.
    const bucket = `ts - (ts % ${step.bucketMs})`;
    const sums = step.sums ?? { good: 'SUM(good)', total: 'SUM(total)', bindings: [] };
    await trx.raw(
      `INSERT INTO pulse_sli_rollup (slo_id, objective, resolution, ts, good, total)
       SELECT slo_id, objective, ?, ${bucket}, ${sums.good}, ${sums.total}
       FROM ${step.source}
       WHERE ${batch}
       GROUP BY slo_id, objective, ${bucket}
       ON CONFLICT (slo_id, objective, resolution, ts) DO UPDATE
       SET good = pulse_sli_rollup.good + excluded.good, total = pulse_sli_rollup.total + excluded.total`,
      [step.target, ...sums.bindings, ...batchBindings],
    );
    const count = Number(await trx(step.source).whereRaw(batch, batchBindings).delete());
    return { count, more: next !== undefined && count > 0 };
  }

  /** Row locks exist on PostgreSQL; SQLite runs one write transaction at a time anyway. */
  private locksRows(): boolean {
    return !String(this.db.client.config.client).includes('sqlite');
  }
}
