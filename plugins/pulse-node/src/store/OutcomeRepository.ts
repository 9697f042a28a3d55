import { OutcomeDocument, OutcomeMetricKey, OutcomeSource, OutcomeValueSource } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { selectRows, sql, SqlFragment } from './DoraSql';
import { transactionWithRetry } from './transactionWithRetry';

/** Rows per INSERT: SQLite allows at most 500 terms in the compound SELECT knex builds for a multi-row insert. */
const INSERT_CHUNK = 200;
/** Owner refs per IN list. */
const LOOKUP_CHUNK = 500;

/** One stored outcome document. */
export interface OutcomeRecord {
  ownerRef: string;
  id: string;
  document: OutcomeDocument;
  source: OutcomeSource;
  sourceLocation?: string;
  createdAt: number;
  updatedAt: number;
}

/** One value of an outcome's metric, as the store writes it. */
export interface OutcomeValueRecord {
  ownerRef: string;
  outcomeId: string;
  metric: OutcomeMetricKey;
  timestamp: number;
  value: number;
  source: OutcomeValueSource;
}

/** A week of the weekly aggregation, [start, end) in epoch ms. */
export interface OutcomeWeekBounds {
  start: number;
  end: number;
}

/** `owner \0 outcome \0 metric`: the key of a metric's series and latest value. */
export const outcomeMetricKey = (ownerRef: string, outcomeId: string, metric: OutcomeMetricKey) =>
  `${ownerRef}\u0000${outcomeId}\u0000${metric}`;

/** `owner \0 outcome`: the key of an outcome. */
export const outcomeKey = (ownerRef: string, outcomeId: string) => `${ownerRef}\u0000${outcomeId}`;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

const bigint = (value: number) => sql`CAST(${value} AS BIGINT)`;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function toRecord(row: any): OutcomeRecord {
  return {
    ownerRef: row.owner_ref,
    id: row.outcome_id,
    document: JSON.parse(row.document),
    source: row.source,
    ...(row.source_location ? { sourceLocation: row.source_location } : {}),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/**
 * The week index of the `ts` column: a flat CASE over the weeks' starts, newest first. The weeks come from the DORA
 * calendar (luxon knows the zone's clock changes), so the series and the deployments share one time axis.
 */
function weekIndex(weeks: OutcomeWeekBounds[]): SqlFragment {
  let text = 'CASE';
  const values: Knex.Value[] = [];
  for (let i = weeks.length - 1; i >= 0; i--) {
    text += ` WHEN ts >= CAST(? AS BIGINT) THEN ${i}`;
    values.push(weeks[i].start);
  }
  return { text: `${text} END`, values };
}

/**
 * Outcome documents and the values of their metrics. A value is keyed by (owner, outcome, metric, instant): a retried
 * push or pull replaces the value it wrote and never adds a second one.
 */
export class OutcomeRepository {
  constructor(private readonly db: Knex) {}

  async upsertOutcome(options: {
    ownerRef: string;
    document: OutcomeDocument;
    source: OutcomeSource;
    sourceLocation?: string;
    now: number;
  }): Promise<{ outcome: OutcomeRecord; created: boolean }> {
    const key = { owner_ref: lower(options.ownerRef), outcome_id: options.document.metadata.name };
    return this.db.transaction(async trx => {
      const existing = await trx('pulse_outcome').where(key).first('outcome_id');
      const values = {
        document: JSON.stringify(options.document),
        source: options.source,
        source_location: options.sourceLocation ?? null,
        updated_at: options.now,
      };
      await trx('pulse_outcome')
        .insert({ ...key, created_at: options.now, ...values })
        .onConflict(['owner_ref', 'outcome_id'])
        .merge(Object.keys(values));
      return { outcome: toRecord(await trx('pulse_outcome').where(key).first()), created: !existing };
    });
  }

  async getOutcome(ownerRef: string, id: string): Promise<OutcomeRecord | undefined> {
    const row = await this.db('pulse_outcome').where({ owner_ref: lower(ownerRef), outcome_id: id }).first();
    return row ? toRecord(row) : undefined;
  }

  /** The outcomes of these owners (every outcome when `ownerRefs` is undefined), by owner and id. */
  async listOutcomes(ownerRefs?: string[]): Promise<OutcomeRecord[]> {
    const order = (q: Knex.QueryBuilder) => q.orderBy([{ column: 'owner_ref' }, { column: 'outcome_id' }]);
    if (!ownerRefs) return (await order(this.db('pulse_outcome').select())).map(toRecord);
    const rows = [];
    for (const chunk of chunks([...new Set(ownerRefs.map(lower))], LOOKUP_CHUNK)) {
      rows.push(...(await order(this.db('pulse_outcome').whereIn('owner_ref', chunk).select())));
    }
    return rows.map(toRecord).sort((a, b) => a.ownerRef.localeCompare(b.ownerRef) || a.id.localeCompare(b.id));
  }

  /** Deletes an outcome and its values; false when there was none. */
  async deleteOutcome(ownerRef: string, id: string): Promise<boolean> {
    return this.db.transaction(async trx => {
      const key = { owner_ref: lower(ownerRef), outcome_id: id };
      await trx('pulse_outcome_value').where(key).delete();
      return (await trx('pulse_outcome').where(key).delete()) > 0;
    });
  }

  /** Deletes an owner's outcomes of one source but the named ones, with their values (discovery prunes with this). */
  async deleteOutcomesExcept(ownerRef: string, source: OutcomeSource, keepIds: string[]): Promise<string[]> {
    return this.db.transaction(async trx => {
      const owner = lower(ownerRef);
      const rows = await trx('pulse_outcome')
        .where({ owner_ref: owner, source })
        .whereNotIn('outcome_id', keepIds)
        .select('outcome_id');
      const ids = rows.map(r => String(r.outcome_id));
      if (ids.length > 0) {
        await trx('pulse_outcome_value').where({ owner_ref: owner }).whereIn('outcome_id', ids).delete();
        await trx('pulse_outcome').where({ owner_ref: owner }).whereIn('outcome_id', ids).delete();
      }
      return ids;
    });
  }

  /** Of these (owner, outcome) pairs, the keys (outcomeKey) of those that are defined. */
  async existingOutcomes(pairs: Array<{ ownerRef: string; outcomeId: string }>): Promise<Set<string>> {
    const unique = [...new Map(pairs.map(p => [outcomeKey(lower(p.ownerRef), p.outcomeId), [lower(p.ownerRef), p.outcomeId]])).values()];
    const found = new Set<string>();
    for (const chunk of chunks(unique, LOOKUP_CHUNK / 2)) {
      const rows = await this.db('pulse_outcome').whereIn(['owner_ref', 'outcome_id'], chunk).select('owner_ref', 'outcome_id');
      rows.forEach(row => found.add(outcomeKey(row.owner_ref, row.outcome_id)));
    }
    return found;
  }

  /**
   * Writes values in one transaction (all or nothing), replacing the value stored for the same (owner, outcome,
   * metric, instant); within a batch the last item for a key wins. Returns how many distinct values it wrote.
   */
  async writeValues(items: OutcomeValueRecord[], now = Date.now()): Promise<number> {
    const byKey = new Map<string, OutcomeValueRecord>();
    for (const item of items) {
      byKey.set(`${outcomeMetricKey(lower(item.ownerRef), item.outcomeId, item.metric)}\u0000${item.timestamp}`, item);
    }
    // In key order, so concurrent batches lock rows in one order.
    const values = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : Number(a > b))).map(([, v]) => v);
    await transactionWithRetry(this.db, async trx => {
      for (const chunk of chunks(values, INSERT_CHUNK)) {
        await trx('pulse_outcome_value')
          .insert(
            chunk.map(v => ({
              owner_ref: lower(v.ownerRef),
              outcome_id: v.outcomeId,
              metric: v.metric,
              ts: v.timestamp,
              value: v.value,
              source: v.source,
              updated_at: now,
            })),
          )
          .onConflict(['owner_ref', 'outcome_id', 'metric', 'ts'])
          .merge(['value', 'source', 'updated_at']);
      }
    });
    return values.length;
  }

  /**
   * The mean value of each week per (owner, outcome, metric) of these owners, aggregated in SQL: keyed by
   * outcomeMetricKey, one entry per week in the order given, null for a week without values.
   */
  async weeklyMeans(ownerRefs: string[], weeks: OutcomeWeekBounds[]): Promise<Map<string, Array<number | null>>> {
    const series = new Map<string, Array<number | null>>();
    if (weeks.length === 0) return series;
    for (const chunk of chunks([...new Set(ownerRefs.map(lower))], LOOKUP_CHUNK)) {
      const rows = await selectRows<{ owner_ref: string; outcome_id: string; metric: OutcomeMetricKey; week: unknown; mean: unknown }>(
        this.db,
        sql`
          SELECT w.owner_ref, w.outcome_id, w.metric, w.week, AVG(w.value) AS mean
          FROM (
            SELECT owner_ref, outcome_id, metric, value, ${weekIndex(weeks)} AS week
            FROM pulse_outcome_value
            WHERE owner_ref IN ${chunk} AND ts >= ${bigint(weeks[0].start)} AND ts < ${bigint(weeks[weeks.length - 1].end)}
          ) w
          GROUP BY w.owner_ref, w.outcome_id, w.metric, w.week`,
      );
      for (const row of rows) {
        const key = outcomeMetricKey(row.owner_ref, row.outcome_id, row.metric);
        const values = series.get(key) ?? weeks.map(() => null);
        values[Number(row.week)] = Number(row.mean);
        series.set(key, values);
      }
    }
    return series;
  }

  /** The latest value before `beforeMs` per (owner, outcome, metric) of these owners, keyed by outcomeMetricKey. */
  async latestValues(ownerRefs: string[], beforeMs: number): Promise<Map<string, { value: number; atMs: number }>> {
    const latest = new Map<string, { value: number; atMs: number }>();
    for (const chunk of chunks([...new Set(ownerRefs.map(lower))], LOOKUP_CHUNK)) {
      const rows = await selectRows<{ owner_ref: string; outcome_id: string; metric: OutcomeMetricKey; ts: unknown; value: unknown }>(
        this.db,
        sql`
          SELECT v.owner_ref, v.outcome_id, v.metric, v.ts, v.value
          FROM pulse_outcome_value v
          JOIN (
            SELECT owner_ref, outcome_id, metric, MAX(ts) AS ts FROM pulse_outcome_value
            WHERE owner_ref IN ${chunk} AND ts < ${bigint(beforeMs)}
            GROUP BY owner_ref, outcome_id, metric
          ) m ON m.owner_ref = v.owner_ref AND m.outcome_id = v.outcome_id AND m.metric = v.metric AND m.ts = v.ts`,
      );
      for (const row of rows) {
        latest.set(outcomeMetricKey(row.owner_ref, row.outcome_id, row.metric), {
          value: Number(row.value),
          atMs: Number(row.ts),
        });
      }
    }
    return latest;
  }
}
