import { Knex } from 'knex';

const HOUR_MS = 3_600_000;

/** Raw samples rolled up per transaction: one day of one SLO (1,440 rows at one sample a minute). */
const CHUNK_MS = 86_400_000;

/**
 * Keeps the sample table bounded: raw samples older than a cutoff become hourly sums in `pulse_sli_rollup`, and old
 * hourly sums are dropped. Every step is one bounded transaction, so a job can stop anywhere without losing or
 * double counting events.
 */
export class SloRollupRepository {
  constructor(private readonly db: Knex) {}

  /**
   * Rolls an SLO's raw samples with ts < cutoff (rounded down to the hour, so no hour is split) into hourly sums,
   * one day per transaction, adding to hours already rolled up. Returns how many raw rows were rolled up.
   */
  async rollUpBefore(sloId: number, cutoffMs: number): Promise<number> {
    const cutoff = cutoffMs - (cutoffMs % HOUR_MS);
    let rolled = 0;
    for (;;) {
      const oldest = await this.db('pulse_sli_sample')
        .where('slo_id', sloId)
        .andWhere('ts', '<', cutoff)
        .min({ ts: 'ts' })
        .first();
      if (oldest?.ts === null || oldest?.ts === undefined) return rolled;
      const from = Number(oldest.ts) - (Number(oldest.ts) % HOUR_MS);
      const to = Math.min(cutoff, from + CHUNK_MS);
      rolled += await this.db.transaction<number>(async trx => {
        await trx.raw(
          `INSERT INTO pulse_sli_rollup (slo_id, resolution, ts, good, total)
           SELECT slo_id, 'hour', ts - (ts % ${HOUR_MS}), SUM(good), SUM(total)
           FROM pulse_sli_sample
           WHERE slo_id = ? AND ts >= ? AND ts < ?
           GROUP BY slo_id, ts - (ts % ${HOUR_MS})
           ON CONFLICT (slo_id, resolution, ts) DO UPDATE
           SET good = pulse_sli_rollup.good + excluded.good, total = pulse_sli_rollup.total + excluded.total`,
          [sloId, from, to],
        );
        const deleted = await trx('pulse_sli_sample')
          .where('slo_id', sloId)
          .andWhere('ts', '>=', from)
          .andWhere('ts', '<', to)
          .delete();
        return Number(deleted);
      });
    }
  }

  /** Drops an SLO's hourly sums older than the cutoff; returns how many. */
  async deleteRollupsBefore(sloId: number, cutoffMs: number): Promise<number> {
    return this.db('pulse_sli_rollup').where({ slo_id: sloId, resolution: 'hour' }).andWhere('ts', '<', cutoffMs).delete();
  }
}
