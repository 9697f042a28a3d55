import { SliCounts, SloDailyCounts } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

const DAY_MS = 86_400_000;

/** What to sum for one SLO objective. */
export interface SloSumsQuery<L extends string> {
  sloId: number;
  windowStartMs: number;
  nowMs: number;
  /** Burn-rate lookbacks by name, in milliseconds before now. */
  lookbacks: Record<L, number>;
  /** Timeslices: count slices of this length, good when good >= minGoodRatio x total. Occurrences: omit. */
  timeSlice?: { sliceMs: number; minGoodRatio: number };
}

/** Good/total per window, lookback and day: events, or time slices when `timeSlice` is given. */
export interface SloSums<L extends string> {
  window: SliCounts;
  lookbacks: Record<L, SliCounts>;
  daily: SloDailyCounts[];
}

const counts = (good: unknown, total: unknown): SliCounts => ({ good: Number(good ?? 0), total: Number(total ?? 0) });

/**
 * The indexed range aggregates behind the SLO report: two queries per objective over the (slo_id, ts) primary key,
 * whatever the number of samples. Raw samples and hourly roll-ups are read together; the roll-up job deletes the raw
 * rows it sums, so nothing is counted twice.
 */
export class SloSumsRepository {
  constructor(private readonly db: Knex) {}

  async objectiveSums<L extends string>(query: SloSumsQuery<L>): Promise<SloSums<L>> {
    const names = Object.keys(query.lookbacks) as L[];
    const longest = Math.max(0, ...names.map(n => query.lookbacks[n]));
    const rangeStartMs = Math.min(query.windowStartMs, query.nowMs - longest);
    const starts = [query.windowStartMs, ...names.map(n => query.nowMs - query.lookbacks[n])];
    const source = this.samplesBetween(query.sloId, rangeStartMs, query.nowMs);

    const [sums, daily] = query.timeSlice
      ? await Promise.all([
          this.sliceSums(source, starts, query.timeSlice),
          this.dailySliceSums(source, query.windowStartMs, query.timeSlice),
        ])
      : await Promise.all([this.eventSums(source, starts), this.dailyEventSums(source, query.windowStartMs)]);

    return {
      window: sums[0],
      lookbacks: Object.fromEntries(names.map((n, i) => [n, sums[i + 1]])) as Record<L, SliCounts>,
      daily,
    };
  }

  /** Raw samples and hourly roll-ups of one SLO with from <= ts <= to, as (ts, good, total). */
  private samplesBetween(sloId: number, fromMs: number, toMs: number): Knex.QueryBuilder {
    return this.db('pulse_sli_sample')
      .select('ts', 'good', 'total')
      .where('slo_id', sloId)
      .andWhere('ts', '>=', fromMs)
      .andWhere('ts', '<=', toMs)
      .unionAll(q =>
        q
          .select('ts', 'good', 'total')
          .from('pulse_sli_rollup')
          .where({ slo_id: sloId, resolution: 'hour' })
          .andWhere('ts', '>=', fromMs)
          .andWhere('ts', '<=', toMs),
      );
  }

  /** Sums of events from each start instant until now. */
  private async eventSums(source: Knex.QueryBuilder, starts: number[]): Promise<SliCounts[]> {
    const row = await this.db
      .from(source.as('s'))
      .select(
        starts.flatMap((start, i) => [
          this.db.raw('SUM(CASE WHEN ts >= ? THEN good ELSE 0 END) AS ??', [start, `good_${i}`]),
          this.db.raw('SUM(CASE WHEN ts >= ? THEN total ELSE 0 END) AS ??', [start, `total_${i}`]),
        ]),
      )
      .first();
    return starts.map((_, i) => counts(row?.[`good_${i}`], row?.[`total_${i}`]));
  }

  /** Events per day of the window (day 0 starts at the window start). */
  private async dailyEventSums(source: Knex.QueryBuilder, windowStartMs: number): Promise<SloDailyCounts[]> {
    const days = this.db
      .from(source.as('s'))
      .where('ts', '>=', windowStartMs)
      .select(this.db.raw('CAST((ts - ?) / ? AS BIGINT) AS day', [windowStartMs, DAY_MS]), 'good', 'total');
    const rows = await this.db
      .from(days.as('d'))
      .select('day')
      .sum({ good: 'good', total: 'total' })
      .groupBy('day')
      .orderBy('day');
    return rows.map(r => ({ day: Number(r.day), ...counts(r.good, r.total) }));
  }

  /**
   * Time slices (`slice` = floor(ts / sliceMs)) with any events, each flagged good or bad. Slices are aligned to the
   * epoch so that every query cuts the same slices.
   */
  private slices(source: Knex.QueryBuilder, timeSlice: { sliceMs: number; minGoodRatio: number }) {
    const indexed = this.db
      .from(source.as('s'))
      .select(this.db.raw('CAST(ts / ? AS BIGINT) AS slice', [timeSlice.sliceMs]), 'good', 'total');
    return this.db
      .from(indexed.as('i'))
      .select(
        'slice',
        this.db.raw('CASE WHEN SUM(good) >= CAST(? AS DOUBLE PRECISION) * SUM(total) THEN 1 ELSE 0 END AS is_good', [
          timeSlice.minGoodRatio,
        ]),
      )
      .groupBy('slice')
      .havingRaw('SUM(total) > 0');
  }

  /** Good and all slices that start at or after each start instant. */
  private async sliceSums(
    source: Knex.QueryBuilder,
    starts: number[],
    timeSlice: { sliceMs: number; minGoodRatio: number },
  ): Promise<SliCounts[]> {
    // A slice starts at or after `start` when its index is at least ceil(start / sliceMs).
    const firstSlices = starts.map(start => Math.ceil(start / timeSlice.sliceMs));
    const row = await this.db
      .from(this.slices(source, timeSlice).as('sl'))
      .select(
        firstSlices.flatMap((first, i) => [
          this.db.raw('SUM(CASE WHEN slice >= ? THEN is_good ELSE 0 END) AS ??', [first, `good_${i}`]),
          this.db.raw('SUM(CASE WHEN slice >= ? THEN 1 ELSE 0 END) AS ??', [first, `total_${i}`]),
        ]),
      )
      .first();
    return starts.map((_, i) => counts(row?.[`good_${i}`], row?.[`total_${i}`]));
  }

  /** Good and all slices per day of the window, by the day each slice starts in. */
  private async dailySliceSums(
    source: Knex.QueryBuilder,
    windowStartMs: number,
    timeSlice: { sliceMs: number; minGoodRatio: number },
  ): Promise<SloDailyCounts[]> {
    const firstSlice = Math.ceil(windowStartMs / timeSlice.sliceMs);
    const days = this.db
      .from(this.slices(source, timeSlice).as('sl'))
      .where('slice', '>=', firstSlice)
      .select(
        this.db.raw('CAST((slice * ? - ?) / ? AS BIGINT) AS day', [timeSlice.sliceMs, windowStartMs, DAY_MS]),
        'is_good',
      );
    const rows = await this.db
      .from(days.as('d'))
      .select('day')
      .sum({ good: 'is_good' })
      .count({ total: '*' })
      .groupBy('day')
      .orderBy('day');
    return rows.map(r => ({ day: Number(r.day), ...counts(r.good, r.total) }));
  }
}
