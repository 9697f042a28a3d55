import {
  SliCounts,
  SloDailyCounts,
  SloSampleSpan,
  SloThresholdOperator,
  ZoneOffsetSpan,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

const DAY_MS = 86_400_000;

/** OpenSLO's threshold operators in SQL; the operator is inlined from this table, the value is bound. */
const SQL_OPERATORS: Record<SloThresholdOperator, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * How samples become time slices. Timeslices: a slice counts 1, good when good >= minGoodRatio x total.
 * RatioTimeslices (`ratio: true`): a slice counts 1 and its good is its own good/total ratio, so the SLI is the mean
 * of the slices' ratios.
 */
export type SloTimeSliceRule = { sliceMs: number; minGoodRatio: number } | { sliceMs: number; ratio: true };

/** What to sum for one SLO objective. */
export interface SloSumsQuery<L extends string> {
  sloId: number;
  /** Composite SLOs: the objective's key, whose samples are summed; other SLOs: omit. */
  objective?: string;
  windowStartMs: number;
  nowMs: number;
  /** Burn-rate lookbacks by name, in milliseconds before now. */
  lookbacks: Record<L, number>;
  /** Timeslices and RatioTimeslices: how slices are counted (see SloTimeSliceRule). Occurrences: omit. */
  timeSlice?: SloTimeSliceRule;
  /** Threshold SLIs: each stored value is one event, good when `value op threshold.value` holds. */
  threshold?: { op: SloThresholdOperator; value: number };
  /** The window zone's UTC offsets over the range (`zoneOffsetSpans`), so days are its calendar days; default UTC. */
  dayOffsets?: ZoneOffsetSpan[];
}

/**
 * Good/total per window, lookback and day: events, or time slices when `timeSlice` is given. `lookbackSamples`: how
 * many samples (values; slices with samples) start in each lookback, so "no samples" and "no events" differ.
 */
export interface SloSums<L extends string> {
  window: SliCounts;
  lookbacks: Record<L, SliCounts>;
  lookbackSamples: Record<L, number>;
  daily: SloDailyCounts[];
}

/** Rows that count toward the sums: (good, total, pos, day), and the position where an instant starts. */
interface CountedRows {
  rows: Knex.QueryBuilder;
  positionOf: (startMs: number) => number;
}

const UTC: ZoneOffsetSpan[] = [{ fromMs: 0, offsetMs: 0 }];

const integer = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`Expected a whole number of milliseconds, got ${n}`);
  return String(n);
};

/**
 * SQL for the calendar day of the instant `expr` in the window's zone, counted from the day the window starts in:
 * floor((ts + offset) / 24h), the local day number, with the offset of the span the instant falls in. The numbers are
 * computed here and inlined as integers, so both databases do integer arithmetic on the same expression.
 */
function localDaySql(expr: string, windowStartMs: number, spans: ZoneOffsetSpan[]): string {
  const offsetAt = (ms: number) => [...spans].reverse().find(span => span.fromMs <= ms)?.offsetMs ?? spans[0].offsetMs;
  const firstDay = Math.floor((windowStartMs + offsetAt(windowStartMs)) / DAY_MS);
  const offset =
    spans.length === 1
      ? integer(spans[0].offsetMs)
      : `CASE ${spans
          .slice(1)
          .reverse()
          .map(span => `WHEN ${expr} >= ${integer(span.fromMs)} THEN ${integer(span.offsetMs)}`)
          .join(' ')} ELSE ${integer(spans[0].offsetMs)} END`;
  return `CAST((${expr} + ${offset}) / ${DAY_MS} AS BIGINT) - ${integer(firstDay)}`;
}

const counts = (good: unknown, total: unknown): SliCounts => ({ good: Number(good ?? 0), total: Number(total ?? 0) });

/** The samples of one SLO objective: an SLO and the key of its objective ('' unless the SLO is composite). */
interface Series {
  sloId: number;
  objective: string;
}

const seriesOf = (sloId: number, objective?: string): Series => ({ sloId, objective: objective ?? '' });

/** The hourly and daily roll-ups of one series with from <= ts < to, as (ts, good, total): the old part of any window. */
function rollupsBetween(q: Knex.QueryBuilder, series: Series, fromMs: number, toMs: number): Knex.QueryBuilder {
  return q
    .select('ts', 'good', 'total')
    .from('pulse_sli_rollup')
    .where({ slo_id: series.sloId, objective: series.objective })
    .whereIn('resolution', ['hour', 'day'])
    .andWhere('ts', '>=', fromMs)
    .andWhere('ts', '<', toMs);
}

/**
 * The indexed range aggregates behind the SLO report: one query per objective over the (slo_id, objective, ts) primary key,
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
    const series = seriesOf(query.sloId, query.objective);
    const source = query.threshold
      ? this.valuesBetween(series, rangeStartMs, query.nowMs, query.threshold)
      : this.samplesBetween(series, rangeStartMs, query.nowMs);
    const counted = query.timeSlice
      ? this.slices(source, query.windowStartMs, query.timeSlice, query.dayOffsets ?? UTC)
      : this.events(source, query.windowStartMs, query.dayOffsets ?? UTC);

    return this.sumsByDay(counted, starts.map(counted.positionOf), names);
  }

  /**
   * How many raw samples (or threshold values) of one SLO start in [from, to), the first and newest start, and the
   * time between the two newest starts (the sample interval): what the report's data issues (no data, stale data, too
   * little data) and burn-rate gaps are judged on. A composite SLO's objective names its key in `objective`.
   */
  async sampleSpan(sloId: number, fromMs: number, toMs: number, objective?: string): Promise<SloSampleSpan> {
    const series = seriesOf(sloId, objective);
    const inRange = (table: string, beforeMs: number) =>
      this.db(table)
        .where({ slo_id: series.sloId, objective: series.objective })
        .andWhere('ts', '>=', fromMs)
        .andWhere('ts', '<', beforeMs);
    const tables = ['pulse_sli_sample', 'pulse_sli_value'];
    const rows = await Promise.all(
      tables.map(table =>
        inRange(table, toMs).first(
          this.db.raw('COUNT(*) AS n'),
          this.db.raw('MIN(ts) AS first_ts'),
          this.db.raw('MAX(ts) AS last_ts'),
        ),
      ),
    );
    const present = rows.filter(row => Number(row?.n ?? 0) > 0);
    if (present.length === 0) return { samples: 0, firstMs: null, lastMs: null, intervalMs: null };
    const lastMs = Math.max(...present.map(row => Number(row.last_ts)));
    // The start before the newest one, over both tables: one indexed MAX each.
    const previous = await Promise.all(tables.map(table => inRange(table, lastMs).max({ ts: 'ts' }).first()));
    const previousStarts = previous.flatMap(row => (row?.ts === null || row?.ts === undefined ? [] : [Number(row.ts)]));
    return {
      samples: present.reduce((n, row) => n + Number(row.n), 0),
      firstMs: Math.min(...present.map(row => Number(row.first_ts))),
      lastMs,
      intervalMs: previousStarts.length > 0 ? lastMs - Math.max(...previousStarts) : null,
    };
  }

  /** Raw samples and hourly and daily roll-ups of one series with from <= ts < to, as (ts, good, total). */
  private samplesBetween(series: Series, fromMs: number, toMs: number): Knex.QueryBuilder {
    return this.db('pulse_sli_sample')
      .select('ts', 'good', 'total')
      .where({ slo_id: series.sloId, objective: series.objective })
      .andWhere('ts', '>=', fromMs)
      .andWhere('ts', '<', toMs)
      .unionAll(q => rollupsBetween(q, series, fromMs, toMs));
  }

  /**
   * A threshold SLO's values with from <= ts < to as (ts, good, total): each value one event, good when it meets the
   * threshold; with the hourly and daily roll-ups, which hold the values already counted that way.
   */
  private valuesBetween(
    series: Series,
    fromMs: number,
    toMs: number,
    threshold: { op: SloThresholdOperator; value: number },
  ): Knex.QueryBuilder {
    return this.db('pulse_sli_value')
      .select(
        'ts',
        this.db.raw(`CASE WHEN value ${SQL_OPERATORS[threshold.op]} ? THEN 1 ELSE 0 END AS good`, [threshold.value]),
        this.db.raw('1 AS total'),
      )
      .where({ slo_id: series.sloId, objective: series.objective })
      .andWhere('ts', '>=', fromMs)
      .andWhere('ts', '<', toMs)
      .unionAll(q => rollupsBetween(q, series, fromMs, toMs));
  }

  /** Events: each sample counts its good and total, at position (pos) ts, in the calendar day of ts. */
  private events(source: Knex.QueryBuilder, windowStartMs: number, dayOffsets: ZoneOffsetSpan[]): CountedRows {
    return {
      rows: this.db
        .from(source.as('s'))
        .select(
          'good',
          'total',
          { pos: 'ts' },
          this.db.raw(`${localDaySql('ts', windowStartMs, dayOffsets)} AS day`),
        ),
      positionOf: startMs => startMs,
    };
  }

  /**
   * Time slices (position = floor(ts / sliceMs), aligned to the epoch so every query cuts the same slices) with any
   * events, each counting 1 in total and, in good, 1 when good >= minGoodRatio x total (Timeslices) or its own
   * good/total ratio (RatioTimeslices); a slice belongs to the day it starts in.
   */
  private slices(
    source: Knex.QueryBuilder,
    windowStartMs: number,
    timeSlice: SloTimeSliceRule,
    dayOffsets: ZoneOffsetSpan[],
  ): CountedRows {
    const { sliceMs } = timeSlice;
    const good =
      'ratio' in timeSlice
        ? this.db.raw('CAST(SUM(good) AS DOUBLE PRECISION) / SUM(total) AS good')
        : this.db.raw('CASE WHEN SUM(good) >= CAST(? AS DOUBLE PRECISION) * SUM(total) THEN 1 ELSE 0 END AS good', [
            timeSlice.minGoodRatio,
          ]);
    const indexed = this.db
      .from(source.as('s'))
      .select(this.db.raw('CAST(ts / ? AS BIGINT) AS slice', [sliceMs]), 'good', 'total');
    const sliced = this.db
      .from(indexed.as('i'))
      .select('slice', good)
      .groupBy('slice')
      .havingRaw('SUM(total) > 0');
    return {
      rows: this.db
        .from(sliced.as('sl'))
        .select(
          'good',
          this.db.raw('1 AS total'),
          { pos: 'slice' },
          this.db.raw(`${localDaySql(`slice * ${integer(sliceMs)}`, windowStartMs, dayOffsets)} AS day`),
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
          this.db.raw('COUNT(CASE WHEN pos >= ? THEN 1 END) AS ??', [first, `rows_${i}`]),
        ]),
      )
      .groupBy('day')
      .orderBy('day');
    const sum = (column: string, i: number) => rows.reduce((acc, row) => acc + Number(row[`${column}_${i}`] ?? 0), 0);
    const totals = firsts.map((_, i) => counts(sum('good', i), sum('total', i)));
    return {
      window: totals[0],
      lookbacks: Object.fromEntries(names.map((n, i) => [n, totals[i + 1]])) as Record<L, SliCounts>,
      lookbackSamples: Object.fromEntries(names.map((n, i) => [n, sum('rows', i + 1)])) as Record<L, number>,
      daily: rows
        .filter(row => Number(row.in_window) > 0)
        .map(row => ({ day: Number(row.day), ...counts(row.good_0, row.total_0) })),
    };
  }
}
