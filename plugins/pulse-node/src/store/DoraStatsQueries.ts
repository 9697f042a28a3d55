import {
  DoraBucketStats,
  DoraDurationStats,
  doraInterpolatedPercentile,
  DoraPeriodStats,
  DoraWindowStats,
  emptyDoraBucketStats,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { rawSql, selectRows, sql, SqlFragment } from './DoraSql';
import { DoraQueryScope } from './DoraTypes';

/** What the aggregates are grouped by: the week of the trend (counted back from `to`) or the entity. */
type BucketKey = 'week' | 'entity';

interface CountRow {
  bucket: string | number;
  deployments: string | number;
  successes: string | number;
  failures: string | number;
  rework: string | number;
  incident_linked: string | number;
}

interface DeployDaysRow {
  entity: string;
  period: 'week' | 'month';
  back: string | number;
  days: string | number;
}

interface RankRow {
  bucket: string | number;
  duration: string | number;
  rn: string | number;
  n: string | number;
  rn_all: string | number;
  n_all: string | number;
}

/** `CAST(? AS BIGINT)`: PostgreSQL would otherwise infer a bare parameter next to an integer literal as int4. */
const bigint = (value: number) => sql`CAST(${value} AS BIGINT)`;

/** Whole days between an instant column and the window's end: 0 for [to - 1 day, to). Weeks and months derive from it. */
const daysBack = (scope: DoraQueryScope, column: string) =>
  sql`CAST((${bigint(scope.to)} - 1 - ${rawSql(column)}) / 86400000 AS INTEGER)`;

const isProduction = (scope: DoraQueryScope, alias: string) =>
  sql`LOWER(${rawSql(alias)}.environment) IN ${scope.productionEnvironments}`;

/** Incidents without an environment count as production ones. */
const isProductionIncident = (scope: DoraQueryScope) =>
  sql`(i.environment IS NULL OR LOWER(i.environment) IN ${scope.productionEnvironments})`;

/** Production deployments of the scope that finished in the window, with their day counted back from `to`. */
const scopedDeployments = (scope: DoraQueryScope) => sql`
  SELECT d.id, d.entity_ref, d.status, d.rework, d.finished_at, ${daysBack(scope, 'd.finished_at')} AS day_back
  FROM pulse_deployment d
  WHERE d.entity_ref IN ${scope.entityRefs}
    AND d.finished_at >= ${scope.from} AND d.finished_at < ${scope.to}
    AND ${isProduction(scope, 'd')}`;

/**
 * Whether deployment `s` caused an incident: one names it, or one without a deploymentId was created within the
 * attribution window after it and no later successful production deployment of the entity finished in between.
 */
const hasIncident = (scope: DoraQueryScope) => sql`(
  EXISTS (SELECT 1 FROM pulse_incident i WHERE i.deployment_id = s.id AND ${isProductionIncident(scope)})
  OR EXISTS (
    SELECT 1 FROM pulse_incident i
    WHERE i.entity_ref = s.entity_ref AND i.deployment_id IS NULL AND ${isProductionIncident(scope)}
      AND i.created_at >= s.finished_at AND i.created_at <= s.finished_at + ${scope.incidentAttributionWindowMs}
      AND NOT EXISTS (
        SELECT 1 FROM pulse_deployment n
        WHERE n.entity_ref = s.entity_ref AND n.status = 'success' AND ${isProduction(scope, 'n')}
          AND n.finished_at <= i.created_at
          AND (n.finished_at > s.finished_at OR (n.finished_at = s.finished_at AND n.id > s.id))
      )
  )
)`;

/** Lead time samples: changes whose first production deployment finished in the window; values <= 0 are ignored. */
const leadTimeSamples = (scope: DoraQueryScope) => sql`
  SELECT c.entity_ref, c.first_deployed_at - c.created_at AS duration,
    ${daysBack(scope, 'c.first_deployed_at')} / 7 AS week_back
  FROM pulse_change c
  WHERE c.entity_ref IN ${scope.entityRefs}
    AND c.first_deployed_at >= ${scope.from} AND c.first_deployed_at < ${scope.to}
    AND c.first_deployed_at > c.created_at`;

/**
 * Recovery samples, by when the failure began: incidents created in the window (until resolved), and failed production
 * deployments that finished in the window (until the entity's next successful production deployment). Failures not
 * yet recovered are left out.
 */
const recoverySamples = (scope: DoraQueryScope) => sql`
  SELECT i.entity_ref, i.resolved_at - i.created_at AS duration, ${daysBack(scope, 'i.created_at')} / 7 AS week_back
  FROM pulse_incident i
  WHERE i.entity_ref IN ${scope.entityRefs}
    AND i.created_at >= ${scope.from} AND i.created_at < ${scope.to}
    AND i.resolved_at IS NOT NULL AND ${isProductionIncident(scope)}
  UNION ALL
  SELECT f.entity_ref, f.restored_at - f.finished_at AS duration, ${daysBack(scope, 'f.finished_at')} / 7 AS week_back
  FROM (
    SELECT d.entity_ref, d.finished_at, (
      SELECT MIN(r.finished_at) FROM pulse_deployment r
      WHERE r.entity_ref = d.entity_ref AND r.status = 'success' AND ${isProduction(scope, 'r')}
        AND r.finished_at > d.finished_at
    ) AS restored_at
    FROM pulse_deployment d
    WHERE d.entity_ref IN ${scope.entityRefs} AND d.status = 'failure' AND ${isProduction(scope, 'd')}
      AND d.finished_at >= ${scope.from} AND d.finished_at < ${scope.to}
  ) f
  WHERE f.restored_at IS NOT NULL`;

/** The 1-based ranks the median and the 90th percentile of `n` values interpolate between (see doraPercentileRanks). */
const percentileRanks = (n: string) =>
  rawSql(`((${n} - 1) / 2 + 1, ${n} / 2 + 1, (9 * (${n} - 1)) / 10 + 1, (9 * ${n}) / 10 + 1)`);

const keyColumn = (key: BucketKey, alias: string) =>
  rawSql(key === 'week' ? `${alias}.week_back` : `${alias}.entity_ref`);

/** SQL aggregation for DORA: counts, deploy days and percentiles, returned per bucket and never as raw events. */
export class DoraStatsQueries {
  constructor(private readonly db: Knex) {}

  async windowStats(scope: DoraQueryScope): Promise<DoraWindowStats> {
    const [counts, deployDays, leadTime, recovery] = await Promise.all([
      this.deploymentCounts(scope, 'week'),
      this.deployDays(scope, false),
      this.durationStats(scope, leadTimeSamples(scope), 'week'),
      this.durationStats(scope, recoverySamples(scope), 'week'),
    ]);
    const weeks: DoraBucketStats[] = [];
    for (const [bucket, row] of counts) weeks[Number(bucket)] = row;
    for (const [bucket, stats] of leadTime.buckets) (weeks[Number(bucket)] ??= emptyDoraBucketStats()).leadTime = stats;
    for (const [bucket, stats] of recovery.buckets) (weeks[Number(bucket)] ??= emptyDoraBucketStats()).recovery = stats;

    const total = emptyDoraBucketStats();
    for (const row of counts.values()) {
      total.deployments += row.deployments;
      total.successes += row.successes;
      total.failures += row.failures;
      total.rework += row.rework;
      total.incidentLinked += row.incidentLinked;
    }
    total.leadTime = leadTime.all;
    total.recovery = recovery.all;
    const days = deployDays.get('') ?? { week: [], month: [] };
    return { total, weeks, deployDaysPerWeek: days.week, deployDaysPerMonth: days.month };
  }

  async statsByEntity(scope: DoraQueryScope): Promise<Map<string, DoraPeriodStats>> {
    const [counts, deployDays, leadTime, recovery] = await Promise.all([
      this.deploymentCounts(scope, 'entity'),
      this.deployDays(scope, true),
      this.durationStats(scope, leadTimeSamples(scope), 'entity'),
      this.durationStats(scope, recoverySamples(scope), 'entity'),
    ]);
    const result = new Map<string, DoraPeriodStats>();
    const entry = (entityRef: string) => {
      let stats = result.get(entityRef);
      if (!stats) {
        const days = deployDays.get(entityRef) ?? { week: [], month: [] };
        stats = { total: emptyDoraBucketStats(), deployDaysPerWeek: days.week, deployDaysPerMonth: days.month };
        result.set(entityRef, stats);
      }
      return stats;
    };
    for (const [entityRef, row] of counts) entry(entityRef).total = row;
    for (const [entityRef, stats] of leadTime.buckets) entry(entityRef).total.leadTime = stats;
    for (const [entityRef, stats] of recovery.buckets) entry(entityRef).total.recovery = stats;
    return result;
  }

  /** Production deployment counts per bucket. */
  private async deploymentCounts(scope: DoraQueryScope, key: BucketKey): Promise<Map<string, DoraBucketStats>> {
    if (scope.entityRefs.length === 0) return new Map();
    const bucket = key === 'week' ? rawSql('s.day_back / 7') : rawSql('s.entity_ref');
    const rows = await selectRows<CountRow>(
      this.db,
      sql`
        SELECT ${bucket} AS bucket,
          COUNT(*) AS deployments,
          SUM(CASE WHEN s.status = 'success' THEN 1 ELSE 0 END) AS successes,
          SUM(CASE WHEN s.status = 'failure' THEN 1 ELSE 0 END) AS failures,
          SUM(CASE WHEN s.rework THEN 1 ELSE 0 END) AS rework,
          SUM(CASE WHEN s.status = 'success' AND ${hasIncident(scope)} THEN 1 ELSE 0 END) AS incident_linked
        FROM (${scopedDeployments(scope)}) s
        GROUP BY ${bucket}`,
    );
    return new Map(
      rows.map(row => [
        String(row.bucket),
        {
          ...emptyDoraBucketStats(),
          deployments: Number(row.deployments),
          successes: Number(row.successes),
          failures: Number(row.failures),
          rework: Number(row.rework),
          incidentLinked: Number(row.incident_linked),
        },
      ]),
    );
  }

  /** Days with a successful production deployment per 7-day and 30-day period, pooled or per entity. */
  private async deployDays(
    scope: DoraQueryScope,
    perEntity: boolean,
  ): Promise<Map<string, { week: number[]; month: number[] }>> {
    const result = new Map<string, { week: number[]; month: number[] }>();
    if (scope.entityRefs.length === 0) return result;
    const entity = rawSql(perEntity ? 's.entity_ref' : "''");
    const groupEntity = rawSql(perEntity ? 's.entity_ref, ' : '');
    const rows = await selectRows<DeployDaysRow>(
      this.db,
      sql`
        WITH s AS (${scopedDeployments(scope)})
        SELECT ${entity} AS entity, 'week' AS period, s.day_back / 7 AS back, COUNT(DISTINCT s.day_back) AS days
        FROM s WHERE s.status = 'success' GROUP BY ${groupEntity} s.day_back / 7
        UNION ALL
        SELECT ${entity} AS entity, 'month' AS period, s.day_back / 30 AS back, COUNT(DISTINCT s.day_back) AS days
        FROM s WHERE s.status = 'success' GROUP BY ${groupEntity} s.day_back / 30`,
    );
    for (const row of rows) {
      let days = result.get(row.entity);
      if (!days) {
        days = { week: [], month: [] };
        result.set(row.entity, days);
      }
      days[row.period][Number(row.back)] = Number(row.days);
    }
    return result;
  }

  /**
   * Median and 90th percentile of duration samples per bucket and over all samples. SQL ranks the samples with
   * ROW_NUMBER and returns only the rows at the ranks the percentiles interpolate between.
   */
  private async durationStats(
    scope: DoraQueryScope,
    samples: SqlFragment,
    key: BucketKey,
  ): Promise<{ buckets: Map<string, DoraDurationStats>; all: DoraDurationStats }> {
    const empty: DoraDurationStats = { sampleSize: 0, median: null, p90: null };
    if (scope.entityRefs.length === 0) return { buckets: new Map(), all: empty };
    const rows = await selectRows<RankRow>(
      this.db,
      sql`
        WITH samples AS (${samples}),
        ranked AS (
          SELECT ${keyColumn(key, 'samples')} AS bucket, duration,
            ROW_NUMBER() OVER (PARTITION BY ${keyColumn(key, 'samples')} ORDER BY duration) AS rn,
            COUNT(*) OVER (PARTITION BY ${keyColumn(key, 'samples')}) AS n,
            ROW_NUMBER() OVER (ORDER BY duration) AS rn_all,
            COUNT(*) OVER () AS n_all
          FROM samples
        )
        SELECT bucket, duration, rn, n, rn_all, n_all FROM ranked
        WHERE rn IN ${percentileRanks('n')} OR rn_all IN ${percentileRanks('n_all')}`,
    );

    const perBucket = new Map<string, { n: number; values: Map<number, number> }>();
    const all = { n: 0, values: new Map<number, number>() };
    for (const row of rows) {
      const bucket = String(row.bucket);
      const entry = perBucket.get(bucket) ?? { n: Number(row.n), values: new Map<number, number>() };
      entry.values.set(Number(row.rn), Number(row.duration));
      perBucket.set(bucket, entry);
      all.n = Number(row.n_all);
      all.values.set(Number(row.rn_all), Number(row.duration));
    }
    const statsOf = ({ n, values }: { n: number; values: Map<number, number> }): DoraDurationStats =>
      n === 0
        ? empty
        : {
            sampleSize: n,
            median: doraInterpolatedPercentile(n, 0.5, rank => values.get(rank)),
            p90: doraInterpolatedPercentile(n, 0.9, rank => values.get(rank)),
          };
    return {
      buckets: new Map([...perBucket].map(([bucket, entry]) => [bucket, statsOf(entry)])),
      all: statsOf(all),
    };
  }
}
