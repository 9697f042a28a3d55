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

/** Rows that count toward the sums: (good, total, pos, day), and the position where an instant starts. */
interface CountedRows {
  rows: Knex.QueryBuilder;
  positionOf: (startMs: number) => number;
}

const counts = (good: unknown, total: unknown): SliCounts => ({ good: Number(good ?? 0), total: Number(total ?? 0) });

/**
 * The indexed range aggregates behind the SLO report: one query per objective over the (slo_id, ts) primary key,
 * whatever the number of samples. Raw samples and hourly and daily roll-ups are read together; the roll-up job deletes
 * the rows it sums in the same transaction, so nothing is counted twice.
 */
export class SloSumsRepository {
  constructor(private readonly db: Knex) {}

  async objectiveSums<L extends string>(query: SloSumsQuery<L>): Promise<SloSums<L>> {
    const names = Object.keys(query.lookbacks) as L[];
    const longest = Math.max(0, ...names.map(n => query.lookbacks[n]));
    const rangeStartMs = Math.min(query.windowStartMs, query.nowMs - longest);
    const starts = [query.windowStartMs, ...names.map(n => query.nowMs - query.lookbacks[n])];
    const source = this.samplesBetween(query.sloId, rangeStartMs, query.nowMs);
    const counted = query.timeSlice
      ? this.slices(source, query.windowStartMs, query.timeSlice)
      : this.events(source, query.windowStartMs);

    return this.sumsByDay(counted, starts.map(counted.positionOf), names);
  }

  /** Raw samples and hourly and daily roll-ups of one SLO with from <= ts <= to, as (ts, good, total). */
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
          .where('slo_id', sloId)
          .whereIn('resolution', ['hour', 'day'])
          .andWhere('ts', '>=', fromMs)
          .andWhere('ts', '<=', toMs),
      );
  }

  /** Events: each sample counts its good and total, at position (pos) ts, in day (ts - window start) / 24h. */
  private events(source: Knex.QueryBuilder, windowStartMs: number): CountedRows {
    return {
      rows: this.db
        .from(source.as('s'))
        .select(
          'good',
          'total',
          { pos: 'ts' },
          this.db.raw('CAST((ts - ?) / ? AS BIGINT) AS day', [windowStartMs, DAY_MS]),
        ),
      positionOf: startMs => startMs,
    };
  }

  /**
   * Time slices (position = floor(ts / sliceMs), aligned to the epoch so every query cuts the same slices) with any
   * events, each counting 1 in total and 1 in good when good >= minGoodRatio x total; a slice belongs to the day it
   * starts in.
   */
  private slices(
    source: Knex.QueryBuilder,
    windowStartMs: number,
    timeSlice: { sliceMs: number; minGoodRatio: number },
  ): CountedRows {
    const { sliceMs, minGoodRatio } = timeSlice;
    const indexed = this.db
      .from(source.as('s'))
      .select(this.db.raw('CAST(ts / ? AS BIGINT) AS slice', [sliceMs]), 'good', 'total');
    const sliced = this.db
      .from(indexed.as('i'))
      .select(
        'slice',
        this.db.raw('CASE WHEN SUM(good) >= CAST(? AS DOUBLE PRECISION) * SUM(total) THEN 1 ELSE 0 END AS good', [
          minGoodRatio,
        ]),
      )
      .groupBy('slice')
      .havingRaw('SUM(total) > 0');
    return {
      rows: this.db
        .from(sliced.as('sl'))
        .select(
          'good',
          this.db.raw('1 AS total'),
          { pos: 'slice' },
          this.db.raw('CAST((slice * ? - ?) / ? AS BIGINT) AS day', [sliceMs, windowStartMs, DAY_MS]),
        ),
      // A slice starts at or after `start` when its index is at least ceil(start / sliceMs).
      positionOf: startMs => Math.ceil(startMs / sliceMs),
    };
  }

  /**
   * One pass over the counted rows, grouped by day: per day, the sums of the rows at or after each first position
   * (first[0] is the window start). The window and each lookback are the sums of their day columns, and the days with
   * rows in the window are the burndown. Summing at most one row per day of the window happens here.
   */
  private async sumsByDay<L extends string>(counted: CountedRows, firsts: number[], names: L[]): Promise<SloSums<L>> {
    const rows = await this.db
      .from(counted.rows.as('c'))
      .select(
        'day',
        this.db.raw('COUNT(CASE WHEN pos >= ? THEN 1 END) AS in_window', [firsts[0]]),
        ...firsts.flatMap((first, i) => [
          this.db.raw('SUM(CASE WHEN pos >= ? THEN good ELSE 0 END) AS ??', [first, `good_${i}`]),
          this.db.raw('SUM(CASE WHEN pos >= ? THEN total ELSE 0 END) AS ??', [first, `total_${i}`]),
        ]),
      )
      .groupBy('day')
      .orderBy('day');
    const totals = firsts.map((_, i) => {
      const sum = (column: string) => rows.reduce((acc, row) => acc + Number(row[`${column}_${i}`] ?? 0), 0);
      return counts(sum('good'), sum('total'));
    });
    return {
      window: totals[0],
      lookbacks: Object.fromEntries(names.map((n, i) => [n, totals[i + 1]])) as Record<L, SliCounts>,
      daily: rows
        .filter(row => Number(row.in_window) > 0)
        .map(row => ({ day: Number(row.day), ...counts(row.good_0, row.total_0) })),
    };
  }
}
