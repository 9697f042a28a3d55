import {
  doraInterpolatedPercentile,
  doraPercentileRanks,
  ONCALL_NIGHT_END_HOUR,
  ONCALL_NIGHT_START_HOUR,
  ONCALL_NOISE_MS,
  ONCALL_WORKDAY_END_HOUR,
  ONCALL_WORKDAY_START_HOUR,
  OncallPageStats,
} from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { rawSql, selectRows, sql, SqlFragment } from './DoraSql';
import { OncallQueryScope } from './OncallTypes';

type Num = string | number;

/** `CAST(? AS BIGINT)`: PostgreSQL would otherwise infer a bare parameter next to an integer literal as int4. */
const bigint = (value: number) => sql`CAST(${value} AS BIGINT)`;

/** The local wall-clock instant of `triggered_at`: the instant plus the zone's offset in force then. */
function localInstant(scope: OncallQueryScope): SqlFragment {
  const [first, ...later] = scope.offsets;
  let offset = bigint(first.offsetMs);
  for (const segment of later) {
    offset = sql`CASE WHEN triggered_at >= ${bigint(segment.from)} THEN ${bigint(segment.offsetMs)} ELSE ${offset} END`;
  }
  return sql`(triggered_at + ${offset})`;
}

/** The high-urgency pages of the scope triggered in its window. */
function scopeFilter(scope: OncallQueryScope): SqlFragment {
  const who = scope.responderRef !== undefined ? sql`responder_ref = ${scope.responderRef}` : sql`entity_ref IN ${scope.entityRefs ?? []}`;
  return sql`${who} AND urgency = 'high' AND triggered_at >= ${bigint(scope.from)} AND triggered_at < ${bigint(scope.to)}`;
}

/**
 * Each page of the scope with its week key and whether it was off-hours, at night or noise. Local day = local instant
 * / 1 day; 1970-01-01 was a Thursday, so (day + 3) % 7 is 0 on Mondays and 5, 6 on the weekend, and (day + 3) / 7 is
 * the ISO week key of oncallCalendarOf. Instants are positive, so integer division floors.
 */
function classifiedPages(scope: OncallQueryScope): SqlFragment {
  const hour = rawSql('((local_ms % 86400000) / 3600000)');
  const weekday = rawSql('((local_ms / 86400000 + 3) % 7)');
  return sql`
    SELECT ((local_ms / 86400000 + 3) / 7) AS week_key,
      CASE WHEN ${weekday} >= 5 OR ${hour} < ${ONCALL_WORKDAY_START_HOUR} OR ${hour} >= ${ONCALL_WORKDAY_END_HOUR}
        THEN 1 ELSE 0 END AS off_hours,
      CASE WHEN ${hour} >= ${ONCALL_NIGHT_START_HOUR} OR ${hour} < ${ONCALL_NIGHT_END_HOUR} THEN 1 ELSE 0 END AS night,
      CASE WHEN acknowledged_at IS NULL AND resolved_at IS NOT NULL AND resolved_at - triggered_at <= ${bigint(ONCALL_NOISE_MS)}
        THEN 1 ELSE 0 END AS noise
    FROM (SELECT ${localInstant(scope)} AS local_ms, triggered_at, acknowledged_at, resolved_at
          FROM pulse_oncall_page WHERE ${scopeFilter(scope)}) p`;
}

interface WeekRow {
  week_key: Num;
  pages: Num;
  off_hours: Num;
  night: Num;
  noise: Num;
}

/** SQL aggregation of pages: counts per week and class, acknowledgement percentiles, pages per responder. */
export class OncallStatsQueries {
  constructor(private readonly db: Knex) {}

  /** Counts per calendar week, off-hours, night and noise, and the time to acknowledge. */
  async pageStats(scope: OncallQueryScope): Promise<OncallPageStats> {
    const rows = await selectRows<WeekRow>(
      this.db,
      sql`SELECT week_key, COUNT(*) AS pages, SUM(off_hours) AS off_hours, SUM(night) AS night, SUM(noise) AS noise
          FROM (${classifiedPages(scope)}) c GROUP BY week_key ORDER BY week_key`,
    );
    const weekly = rows.map(row => ({
      weekKey: Number(row.week_key),
      pages: Number(row.pages),
      offHoursPages: Number(row.off_hours),
      nightPages: Number(row.night),
    }));
    const sum = (pick: (row: WeekRow) => Num) => rows.reduce((total, row) => total + Number(pick(row)), 0);
    const ack = await this.acknowledgement(scope);
    return {
      pages: sum(row => row.pages),
      offHoursPages: sum(row => row.off_hours),
      nightPages: sum(row => row.night),
      noisePages: sum(row => row.noise),
      ...ack,
      weekly,
    };
  }

  /** Median and p90 of acknowledged_at - triggered_at; SQL returns only the rows at the interpolated ranks. */
  private async acknowledgement(scope: OncallQueryScope) {
    const samples = sql`SELECT acknowledged_at - triggered_at AS duration FROM pulse_oncall_page
      WHERE ${scopeFilter(scope)} AND acknowledged_at IS NOT NULL AND acknowledged_at >= triggered_at`;
    const [{ n }] = await selectRows<{ n: Num }>(this.db, sql`SELECT COUNT(*) AS n FROM (${samples}) s`);
    const acknowledged = Number(n);
    if (acknowledged === 0) return { acknowledged, ackMedianMs: null, ackP90Ms: null };
    const ranks = [...doraPercentileRanks(acknowledged, 0.5), ...doraPercentileRanks(acknowledged, 0.9)];
    const rows = await selectRows<{ duration: Num; rn: Num }>(
      this.db,
      sql`SELECT duration, rn FROM (SELECT duration, ROW_NUMBER() OVER (ORDER BY duration) AS rn FROM (${samples}) s) r
          WHERE rn IN ${[...new Set(ranks)]}`,
    );
    const values = new Map(rows.map(row => [Number(row.rn), Number(row.duration)]));
    return {
      acknowledged,
      ackMedianMs: doraInterpolatedPercentile(acknowledged, 0.5, rank => values.get(rank)),
      ackP90Ms: doraInterpolatedPercentile(acknowledged, 0.9, rank => values.get(rank)),
    };
  }

  /** Pages per responder of the scope. For the fairness figure only: callers must not pass the refs on. */
  async pagesPerResponder(scope: OncallQueryScope): Promise<Map<string, number>> {
    const rows = await selectRows<{ responder_ref: string; pages: Num }>(
      this.db,
      sql`SELECT responder_ref, COUNT(*) AS pages FROM pulse_oncall_page
          WHERE ${scopeFilter(scope)} AND responder_ref IS NOT NULL GROUP BY responder_ref`,
    );
    return new Map(rows.map(row => [row.responder_ref, Number(row.pages)]));
  }
}
