import {
  DoraBucketStats,
  DoraCalendar,
  doraCalendarOf,
  doraCoveredFromMs,
  doraCoveredPeriods,
  DoraDurationStats,
  doraInterpolatedPercentile,
  DoraPeriodStats,
  DoraWindowStats,
  emptyDoraBucketStats,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { rawSql, selectRows, sql, SqlFragment } from './DoraSql';
import { DoraQueryScope } from './DoraTypes';

/** What the aggregates are grouped by: the calendar week of the trend or the entity. */
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
  period_key: string | number;
  days: string | number;
}

interface FirstEventRow {
  entity_ref: string;
  first_at: string | number;
}

interface OverCapRow {
  bucket: string | number;
  n: string | number;
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

/**
 * The local day number of an instant column in the scope's time zone: (instant + the zone's offset then) / 1 day,
 * with the offset chosen among the window's offset segments. Instants are positive, so integer division floors.
 */
function localDay(calendar: DoraCalendar, column: string): SqlFragment {
  const [first, ...later] = calendar.offsets;
  let offset = bigint(first.offsetMs);
  for (const segment of later) {
    offset = sql`CASE WHEN ${rawSql(column)} >= ${bigint(segment.from)} THEN ${bigint(segment.offsetMs)} ELSE ${offset} END`;
  }
  return sql`((${rawSql(column)} + ${offset}) / 86400000)`;
}

/** The ISO week key of a local day expression (see doraWeekKey). */
const weekKey = (day: SqlFragment) => sql`((${day} + 3) / 7)`;

/** The month key (year * 12 + month - 1) of a local day column, from the first days of the window's months. */
function monthKey(calendar: DoraCalendar, dayColumn: string): SqlFragment {
  let key = bigint(calendar.months[0]?.key ?? 0);
  for (const month of calendar.months.slice(1)) {
    key = sql`CASE WHEN ${rawSql(dayColumn)} >= ${bigint(month.firstDay)} THEN ${bigint(month.key)} ELSE ${key} END`;
  }
  return key;
}

const isProduction = (scope: DoraQueryScope, alias: string) =>
  sql`LOWER(${rawSql(alias)}.environment) IN ${scope.productionEnvironments}`;

/** Incidents without an environment count as production ones. */
const isProductionIncident = (scope: DoraQueryScope) =>
  sql`(i.environment IS NULL OR LOWER(i.environment) IN ${scope.productionEnvironments})`;

/**
 * The deployment facts every count and the recovery time share, as CTEs:
 * `s`: production deployments of the scope that finished in the window, with their local day and week;
 * `links`: the incidents each of them caused: the ones naming it, and (for a successful one) the unlinked ones whose
 * latest earlier successful production deployment of the entity, within the attribution window, it is (found per
 * incident: incidents are far fewer than deployments);
 * `caused`: per deployment with incidents, when the first began, when the last was resolved and how many are open.
 */
function deploymentFacts(scope: DoraQueryScope, calendar: DoraCalendar): SqlFragment {
  const day = localDay(calendar, 'd.finished_at');
  return sql`
  s AS (
    SELECT d.id, d.entity_ref, d.status, d.rework, d.finished_at, ${day} AS local_day, ${weekKey(day)} AS week_key
    FROM pulse_deployment d
    WHERE d.entity_ref IN ${scope.entityRefs}
      AND d.finished_at >= ${scope.from} AND d.finished_at < ${scope.to}
      AND ${isProduction(scope, 'd')}
  ),
  links AS (
    SELECT s.id AS deployment_id, s.entity_ref, s.week_key, s.status, i.created_at, i.resolved_at
    FROM s JOIN pulse_incident i ON i.deployment_id = s.id
    WHERE ${isProductionIncident(scope)}
    UNION ALL
    SELECT s.id AS deployment_id, s.entity_ref, s.week_key, s.status, a.created_at, a.resolved_at
    FROM (
      SELECT i.created_at, i.resolved_at, (
        SELECT d.id FROM pulse_deployment d
        WHERE d.entity_ref = i.entity_ref AND d.status = 'success' AND ${isProduction(scope, 'd')}
          AND d.finished_at <= i.created_at AND d.finished_at >= i.created_at - ${bigint(scope.incidentAttributionWindowMs)}
        ORDER BY d.finished_at DESC, d.id DESC LIMIT 1
      ) AS deployment_id
      FROM pulse_incident i
      WHERE i.entity_ref IN ${scope.entityRefs} AND i.deployment_id IS NULL AND ${isProductionIncident(scope)}
        AND i.created_at >= ${scope.from} AND i.created_at < ${bigint(scope.to + scope.incidentAttributionWindowMs)}
    ) a JOIN s ON s.id = a.deployment_id
  ),
  caused AS (
    SELECT deployment_id, entity_ref, week_key, status, MIN(created_at) AS began, MAX(resolved_at) AS resolved,
      SUM(CASE WHEN resolved_at IS NULL THEN 1 ELSE 0 END) AS open_incidents
    FROM links GROUP BY deployment_id, entity_ref, week_key, status
  )`;
}

/**
 * Lead time samples: changes whose first production deployment finished in the window, no older than the cap when
 * deployed (older ones are counted by overCapChanges); values <= 0 are ignored (as in Four Keys).
 */
function leadTimeChanges(scope: DoraQueryScope, calendar: DoraCalendar, overCap: boolean): SqlFragment {
  const age = rawSql('(c.first_deployed_at - c.created_at)');
  return sql`
  SELECT c.entity_ref, ${age} AS duration, ${weekKey(localDay(calendar, 'c.first_deployed_at'))} AS week_key
  FROM pulse_change c
  WHERE c.entity_ref IN ${scope.entityRefs}
    AND c.first_deployed_at >= ${scope.from} AND c.first_deployed_at < ${scope.to}
    AND c.first_deployed_at > c.created_at
    AND ${overCap ? sql`${age} > ${bigint(scope.leadTimeCapMs)}` : sql`${age} <= ${bigint(scope.leadTimeCapMs)}`}`;
}

/**
 * Recovery samples, one per change failure, in the week its deployment finished: for a deployment that caused
 * incidents, from the first one's start to the last one's resolution (all resolved); for a failed attempt without an
 * incident (a change failure only with the 'all' denominator), from its finish to the entity's next
 * successful production deployment. Failures not yet recovered are left out.
 */
function recoverySamples(scope: DoraQueryScope, calendar: DoraCalendar): SqlFragment {
  const all = scope.changeFailureRateDenominator === 'all';
  return sql`
  WITH ${deploymentFacts(scope, calendar)}
  SELECT c.entity_ref, c.week_key, c.resolved - c.began AS duration
  FROM caused c
  WHERE c.open_incidents = 0 ${all ? rawSql('') : rawSql("AND c.status = 'success'")}
  ${
    all
      ? sql`UNION ALL
  SELECT f.entity_ref, f.week_key, f.restored_at - f.finished_at AS duration
  FROM (
    SELECT s.entity_ref, s.week_key, s.finished_at, (
      SELECT MIN(r.finished_at) FROM pulse_deployment r
      WHERE r.entity_ref = s.entity_ref AND r.status = 'success' AND ${isProduction(scope, 'r')}
        AND r.finished_at > s.finished_at
    ) AS restored_at
    FROM s
    WHERE s.status = 'failure' AND s.id NOT IN (SELECT l.deployment_id FROM links l)
  ) f
  WHERE f.restored_at IS NOT NULL`
      : rawSql('')
  }`;
}

/** The 1-based ranks the median and the 90th percentile of `n` values interpolate between (see doraPercentileRanks). */
const percentileRanks = (n: string) =>
  rawSql(`((${n} - 1) / 2 + 1, ${n} / 2 + 1, (9 * (${n} - 1)) / 10 + 1, (9 * ${n}) / 10 + 1)`);

const keyColumn = (key: BucketKey, alias: string) =>
  rawSql(key === 'week' ? `${alias}.week_key` : `${alias}.entity_ref`);

/** SQL aggregation for DORA: counts, deploy days and percentiles, returned per bucket and never as raw events. */
export class DoraStatsQueries {
  constructor(private readonly db: Knex) {}

  async windowStats(scope: DoraQueryScope): Promise<DoraWindowStats> {
    const calendar = doraCalendarOf(scope, scope.timeZone);
    const [counts, deployDays, leadTime, overCap, recovery, firstEvents] = await Promise.all([
      this.deploymentCounts(scope, calendar, 'week'),
      this.deployDays(scope, calendar, false),
      this.durationStats(scope, leadTimeChanges(scope, calendar, false), 'week'),
      this.overCapChanges(scope, calendar, 'week'),
      this.durationStats(scope, recoverySamples(scope, calendar), 'week'),
      this.firstEvents(scope),
    ]);
    const firstEventMs = firstEvents.size > 0 ? Math.min(...firstEvents.values()) : null;
    const weeks = calendar.weeks.map(period => {
      const key = String(period.key);
      const stats = { ...(counts.get(key) ?? emptyDoraBucketStats()) };
      stats.leadTime = leadTime.buckets.get(key) ?? stats.leadTime;
      stats.leadTimeOlderThanCap = overCap.get(key) ?? 0;
      stats.recovery = recovery.buckets.get(key) ?? stats.recovery;
      return { period, stats };
    });

    const total = emptyDoraBucketStats();
    for (const row of counts.values()) {
      total.deployments += row.deployments;
      total.successes += row.successes;
      total.failures += row.failures;
      total.rework += row.rework;
      total.incidentLinked += row.incidentLinked;
    }
    total.leadTime = leadTime.all;
    total.leadTimeOlderThanCap = [...overCap.values()].reduce((sum, n) => sum + n, 0);
    total.recovery = recovery.all;
    return {
      total,
      weeks,
      firstEventMs,
      ...this.countedDeployDays(calendar, deployDays.get(''), doraCoveredFromMs(scope, firstEventMs)),
    };
  }

  async statsByEntity(scope: DoraQueryScope): Promise<Map<string, DoraPeriodStats>> {
    const calendar = doraCalendarOf(scope, scope.timeZone);
    const [counts, deployDays, leadTime, overCap, recovery, firstEvents] = await Promise.all([
      this.deploymentCounts(scope, calendar, 'entity'),
      this.deployDays(scope, calendar, true),
      this.durationStats(scope, leadTimeChanges(scope, calendar, false), 'entity'),
      this.overCapChanges(scope, calendar, 'entity'),
      this.durationStats(scope, recoverySamples(scope, calendar), 'entity'),
      this.firstEvents(scope),
    ]);
    const result = new Map<string, DoraPeriodStats>();
    const entry = (entityRef: string) => {
      let stats = result.get(entityRef);
      if (!stats) {
        const firstEventMs = firstEvents.get(entityRef) ?? null;
        const coveredFromMs = doraCoveredFromMs(scope, firstEventMs);
        stats = {
          total: emptyDoraBucketStats(),
          firstEventMs,
          ...this.countedDeployDays(calendar, deployDays.get(entityRef), coveredFromMs),
        };
        result.set(entityRef, stats);
      }
      return stats;
    };
    // Every entity with history gets its coverage, even without an event in the window.
    for (const entityRef of firstEvents.keys()) entry(entityRef);
    for (const [entityRef, row] of counts) entry(entityRef).total = row;
    for (const [entityRef, stats] of leadTime.buckets) entry(entityRef).total.leadTime = stats;
    for (const [entityRef, n] of overCap) entry(entityRef).total.leadTimeOlderThanCap = n;
    for (const [entityRef, stats] of recovery.buckets) entry(entityRef).total.recovery = stats;
    return result;
  }

  /**
   * The deploy days of the weeks and months the tier's medians count, within the covered part of the window (from
   * `coveredFromMs`), oldest first, zero-filled.
   */
  private countedDeployDays(
    calendar: DoraCalendar,
    days: { week: Map<number, number>; month: Map<number, number> } | undefined,
    coveredFromMs: number,
  ): Pick<DoraPeriodStats, 'deployDaysPerWeek' | 'deployDaysPerMonth'> {
    return {
      deployDaysPerWeek: doraCoveredPeriods(calendar.weeks, coveredFromMs).map(week => days?.week.get(week.key) ?? 0),
      deployDaysPerMonth: doraCoveredPeriods(calendar.months, coveredFromMs).map(
        month => days?.month.get(month.key) ?? 0,
      ),
    };
  }

  /**
   * Per entity of the scope, its first deployment (any environment or status) or incident before the window's end:
   * where Pulse's data for it starts. Two indexed MIN aggregates, no event rows.
   */
  async firstEvents(scope: Pick<DoraQueryScope, 'entityRefs' | 'to'>): Promise<Map<string, number>> {
    if (scope.entityRefs.length === 0) return new Map();
    const rows = await selectRows<FirstEventRow>(
      this.db,
      sql`
        SELECT f.entity_ref, MIN(f.first_at) AS first_at FROM (
          SELECT d.entity_ref, MIN(d.finished_at) AS first_at FROM pulse_deployment d
          WHERE d.entity_ref IN ${scope.entityRefs} AND d.finished_at < ${bigint(scope.to)}
          GROUP BY d.entity_ref
          UNION ALL
          SELECT i.entity_ref, MIN(i.created_at) AS first_at FROM pulse_incident i
          WHERE i.entity_ref IN ${scope.entityRefs} AND i.created_at < ${bigint(scope.to)}
          GROUP BY i.entity_ref
        ) f
        GROUP BY f.entity_ref`,
    );
    return new Map(rows.map(row => [row.entity_ref, Number(row.first_at)]));
  }

  /** Production deployment counts per bucket; a deployment with several incidents counts once. */
  private async deploymentCounts(
    scope: DoraQueryScope,
    calendar: DoraCalendar,
    key: BucketKey,
  ): Promise<Map<string, DoraBucketStats>> {
    if (scope.entityRefs.length === 0) return new Map();
    const bucket = key === 'week' ? rawSql('s.week_key') : rawSql('s.entity_ref');
    const rows = await selectRows<CountRow>(
      this.db,
      sql`
        WITH ${deploymentFacts(scope, calendar)}
        SELECT ${bucket} AS bucket,
          COUNT(*) AS deployments,
          SUM(CASE WHEN s.status = 'success' THEN 1 ELSE 0 END) AS successes,
          SUM(CASE WHEN s.status = 'failure' THEN 1 ELSE 0 END) AS failures,
          SUM(CASE WHEN s.rework THEN 1 ELSE 0 END) AS rework,
          SUM(CASE WHEN s.status = 'success' AND s.id IN (SELECT l.deployment_id FROM links l) THEN 1 ELSE 0 END)
            AS incident_linked
        FROM s
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

  /** Calendar days with a successful production deployment per ISO week and per month, pooled or per entity. */
  private async deployDays(
    scope: DoraQueryScope,
    calendar: DoraCalendar,
    perEntity: boolean,
  ): Promise<Map<string, { week: Map<number, number>; month: Map<number, number> }>> {
    const result = new Map<string, { week: Map<number, number>; month: Map<number, number> }>();
    if (scope.entityRefs.length === 0) return result;
    const entity = rawSql(perEntity ? 's.entity_ref' : "''");
    const groupEntity = rawSql(perEntity ? 's.entity_ref, ' : '');
    const month = monthKey(calendar, 's.local_day');
    const rows = await selectRows<DeployDaysRow>(
      this.db,
      sql`
        WITH ${deploymentFacts(scope, calendar)}
        SELECT ${entity} AS entity, 'week' AS period, s.week_key AS period_key, COUNT(DISTINCT s.local_day) AS days
        FROM s WHERE s.status = 'success' GROUP BY ${groupEntity} s.week_key
        UNION ALL
        SELECT ${entity} AS entity, 'month' AS period, s.month_key AS period_key, COUNT(DISTINCT s.local_day) AS days
        FROM (SELECT s.entity_ref, s.local_day, ${month} AS month_key FROM s WHERE s.status = 'success') s
        GROUP BY ${groupEntity} s.month_key`,
    );
    for (const row of rows) {
      let days = result.get(row.entity);
      if (!days) {
        days = { week: new Map(), month: new Map() };
        result.set(row.entity, days);
      }
      days[row.period].set(Number(row.period_key), Number(row.days));
    }
    return result;
  }

  /** Changes shipped in the window but older than the lead-time cap, per bucket. */
  private async overCapChanges(
    scope: DoraQueryScope,
    calendar: DoraCalendar,
    key: BucketKey,
  ): Promise<Map<string, number>> {
    if (scope.entityRefs.length === 0) return new Map();
    const rows = await selectRows<OverCapRow>(
      this.db,
      sql`
        SELECT ${keyColumn(key, 'o')} AS bucket, COUNT(*) AS n
        FROM (${leadTimeChanges(scope, calendar, true)}) o
        GROUP BY ${keyColumn(key, 'o')}`,
    );
    return new Map(rows.map(row => [String(row.bucket), Number(row.n)]));
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
