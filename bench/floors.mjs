/*
 * The floors: each endpoint's aggregate as ONE hand-written SQL statement run straight on the database, returning the
 * same numbers the endpoint computes its answer from (sums, counts, the rows at the percentile ranks). Portable SQL
 * with `?` placeholders (database.mjs numbers them for PostgreSQL).
 */
import { DAY } from './dataset.mjs';

const PRODUCTION = ['production', 'prod'];
const LOOKBACKS_MS = [5 * 60_000, 30 * 60_000, 3_600_000, 6 * 3_600_000, DAY, 3 * DAY];
const ATTRIBUTION_MS = DAY;

const marks = values => values.map(() => '?').join(', ');

/** The SLO report (and the release gate, decided from the same sums): per-day sums with the burn-rate lookbacks. */
export function sloFloor(entityRef, now) {
  const windowStart = now - 28 * DAY;
  const lookbacks = LOOKBACKS_MS.flatMap((ms, i) => [
    `SUM(CASE WHEN s.ts >= ? THEN s.good ELSE 0 END) AS good_${i}`,
    `SUM(CASE WHEN s.ts >= ? THEN s.total ELSE 0 END) AS total_${i}`,
  ]);
  return {
    text: `SELECT o.id, CAST((s.ts - ?) / ${DAY} AS BIGINT) AS day, SUM(s.good) AS good, SUM(s.total) AS total,
        ${lookbacks.join(',\n        ')}
      FROM pulse_slo o JOIN pulse_sli_sample s ON s.slo_id = o.id
      WHERE o.entity_ref = ? AND s.ts >= ? AND s.ts <= ?
      GROUP BY o.id, 2`,
    values: [windowStart, ...LOOKBACKS_MS.flatMap(ms => [now - ms, now - ms]), entityRef, windowStart, now],
  };
}

/**
 * DORA over some entities and a window, grouped by each of `buckets` ('week', 'entity', 'team', 'team-week'): counts
 * with incident attribution, deploy days per week and month, and the lead-time and recovery samples at the ranks the
 * median and p90 interpolate between. `teams` maps entity refs to teams (the catalog's answer, inlined).
 */
export function doraFloor({ entityRefs, from, to, buckets, teams }) {
  const values = [];
  const bind = (...v) => {
    values.push(...v);
    return v.length === 1 ? '?' : marks(v);
  };
  const mapping = teams ?? new Map(entityRefs.map(ref => [ref, '']));
  const mappingRows = [...mapping].map(([ref, team]) => `(${bind(ref, team)})`).join(', ');
  const daysBack = column => `CAST((CAST(${bind(to)} AS BIGINT) - 1 - ${column}) / ${DAY} AS INTEGER)`;
  const production = alias => `LOWER(${alias}.environment) IN (${bind(...PRODUCTION)})`;
  const incidentProduction = () => `(i.environment IS NULL OR LOWER(i.environment) IN (${bind(...PRODUCTION)}))`;
  const key = {
    week: 'CAST(day_back / 7 AS TEXT)',
    entity: 'entity_ref',
    team: 'team',
    'team-week': "team || ':' || CAST(day_back / 7 AS TEXT)",
  };
  const ranks = n => `((${n} - 1) / 2 + 1, ${n} / 2 + 1, (9 * (${n} - 1)) / 10 + 1, (9 * ${n}) / 10 + 1)`;

  const ctes = [
    `m(entity_ref, team) AS (VALUES ${mappingRows})`,
    `d AS (SELECT d.id, d.entity_ref, m.team, d.status, d.rework, d.finished_at, ${daysBack('d.finished_at')} AS day_back
      FROM pulse_deployment d JOIN m ON m.entity_ref = d.entity_ref
      WHERE d.finished_at >= ${bind(from)} AND d.finished_at < ${bind(to)} AND ${production('d')})`,
    `linked AS (SELECT d.*, CASE WHEN d.status = 'success' AND (
        EXISTS (SELECT 1 FROM pulse_incident i WHERE i.deployment_id = d.id AND ${incidentProduction()})
        OR EXISTS (SELECT 1 FROM pulse_incident i WHERE i.entity_ref = d.entity_ref AND i.deployment_id IS NULL
          AND ${incidentProduction()} AND i.created_at >= d.finished_at AND i.created_at <= d.finished_at + ${bind(ATTRIBUTION_MS)}
          AND NOT EXISTS (SELECT 1 FROM pulse_deployment n WHERE n.entity_ref = d.entity_ref AND n.status = 'success'
            AND ${production('n')} AND n.finished_at <= i.created_at
            AND (n.finished_at > d.finished_at OR (n.finished_at = d.finished_at AND n.id > d.id))))
      ) THEN 1 ELSE 0 END AS incident FROM d)`,
    `durations AS (
      SELECT 'lead' AS metric, c.entity_ref, m.team, c.first_deployed_at - c.created_at AS duration,
        ${daysBack('c.first_deployed_at')} AS day_back
      FROM pulse_change c JOIN m ON m.entity_ref = c.entity_ref
      WHERE c.first_deployed_at >= ${bind(from)} AND c.first_deployed_at < ${bind(to)} AND c.first_deployed_at > c.created_at
      UNION ALL
      SELECT 'recovery', i.entity_ref, m.team, i.resolved_at - i.created_at, ${daysBack('i.created_at')}
      FROM pulse_incident i JOIN m ON m.entity_ref = i.entity_ref
      WHERE i.created_at >= ${bind(from)} AND i.created_at < ${bind(to)} AND i.resolved_at IS NOT NULL AND ${incidentProduction()}
      UNION ALL
      SELECT 'recovery', f.entity_ref, f.team, f.restored_at - f.finished_at, f.day_back FROM (
        SELECT d.entity_ref, d.team, d.finished_at, d.day_back, (SELECT MIN(r.finished_at) FROM pulse_deployment r
          WHERE r.entity_ref = d.entity_ref AND r.status = 'success' AND ${production('r')} AND r.finished_at > d.finished_at
        ) AS restored_at FROM d WHERE d.status = 'failure') f
      WHERE f.restored_at IS NOT NULL)`,
  ];
  const selects = buckets.flatMap(bucket => [
    `SELECT 'counts' AS part, ${key[bucket]} AS bucket, COUNT(*) AS a,
        SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS b, SUM(CASE WHEN status = 'failure' THEN 1 ELSE 0 END) AS c,
        SUM(CASE WHEN rework THEN 1 ELSE 0 END) AS e, SUM(incident) AS f
      FROM linked GROUP BY ${key[bucket]}`,
    `SELECT 'days-' || CAST(period AS TEXT), ${key[bucket]}, COUNT(DISTINCT day_back), period_back, 0, 0, 0 FROM (
        SELECT d.*, 7 AS period, day_back / 7 AS period_back FROM d WHERE status = 'success'
        UNION ALL SELECT d.*, 30, day_back / 30 FROM d WHERE status = 'success') p
      GROUP BY ${key[bucket]}, period, period_back`,
    `SELECT metric, bucket, duration, rn, n, 0, 0 FROM (
        SELECT metric, ${key[bucket]} AS bucket, duration,
          ROW_NUMBER() OVER (PARTITION BY metric, ${key[bucket]} ORDER BY duration) AS rn,
          COUNT(*) OVER (PARTITION BY metric, ${key[bucket]}) AS n
        FROM durations) ranked
      WHERE rn IN ${ranks('n')}`,
  ]);
  return { text: `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`, values };
}

/** Survey results of a scope in a round: answer buckets per question, and the round's respondents per entity and group. */
export function surveyResultsFloor(roundId, scope) {
  const [column, value] = scope.entityRef ? ['entity_ref', scope.entityRef] : ['group_ref', scope.groupRef];
  return {
    text: `SELECT a.question_id AS q, a.value_number AS v, a.choice AS c, COUNT(*) AS n FROM pulse_survey_answer a
        JOIN pulse_survey_response r ON r.id = a.response_id
      WHERE r.round_id = ? AND r.${column} = ? AND a.value_text IS NULL
      GROUP BY a.question_id, a.value_number, a.choice
      UNION ALL
      SELECT r.entity_ref, NULL, r.group_ref, COUNT(*) FROM pulse_survey_response r WHERE r.round_id = ?
      GROUP BY r.entity_ref, r.group_ref`,
    values: [roundId, value, roundId],
  };
}

/** The survey overview: answer buckets per entity, group and question of a round, and respondents of it and the previous one. */
export function surveyOverviewFloor(roundId, previousId) {
  return {
    text: `SELECT r.entity_ref AS e, r.group_ref AS g, a.question_id AS q, a.value_number AS v, a.choice AS c, COUNT(*) AS n
      FROM pulse_survey_answer a JOIN pulse_survey_response r ON r.id = a.response_id
      WHERE r.round_id = ? AND a.value_text IS NULL
      GROUP BY r.entity_ref, r.group_ref, a.question_id, a.value_number, a.choice
      UNION ALL
      SELECT r.entity_ref, r.group_ref, CAST(r.round_id AS TEXT), NULL, NULL, COUNT(*) FROM pulse_survey_response r
      WHERE r.round_id IN (?, ?) GROUP BY r.round_id, r.entity_ref, r.group_ref`,
    values: [roundId, roundId, previousId],
  };
}
