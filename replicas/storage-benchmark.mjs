#!/usr/bin/env node
/*
 * Measures the Pulse store on PostgreSQL for docs/production.md:
 *   1. bytes per service at the storage bound (one SLO sampled every minute with the default horizons: 32 days raw,
 *      hourly to 90 days, daily to 400 days; a year of DORA deployments, changes and incidents),
 *   2. whether declarative partitioning of the raw samples by time pays: the roll-up of one week of raw samples
 *      (batched DELETEs of 5,000 rows, what the job does) against detaching and dropping a weekly partition, and a
 *      28-day window sum on both.
 * Creates and drops its own database. Run from the repository root:
 *   node replicas/storage-benchmark.mjs [services]      (default 50)
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const knexFactory = require('knex');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = process.env.PULSE_REPLICAS_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const services = Number(process.argv[2] ?? 50);
const database = `pulse_bench_${randomBytes(4).toString('hex')}`;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const now = Math.floor(Date.now() / DAY) * DAY;

async function admin(text) {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function timed(label, fn) {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return result;
}

async function loadSteadyState(db) {
  await db.raw(
    `INSERT INTO pulse_slo (entity_ref, name, definition, source, created_at, updated_at)
     SELECT 'component:default/service-' || i, 'availability', '{}', 'api', ?, ? FROM generate_series(1, ?::int) i`,
    [now, now, services],
  );
  // Raw: 32 days at one sample a minute.
  await db.raw(
    `INSERT INTO pulse_sli_sample (slo_id, ts, good, total)
     SELECT s.id, ?::bigint - m::bigint * ${MINUTE}, 995 + (m % 5), 1000 FROM pulse_slo s, generate_series(1, ?) m`,
    [now, 32 * 1440],
  );
  // Hourly from 32 to 90 days, daily from 90 to 400 days.
  await db.raw(
    `INSERT INTO pulse_sli_rollup (slo_id, resolution, ts, good, total)
     SELECT s.id, 'hour', ? - h::bigint * ${HOUR}, 59700, 60000 FROM pulse_slo s, generate_series(32 * 24 + 1, 90 * 24) h`,
    [now],
  );
  await db.raw(
    `INSERT INTO pulse_sli_rollup (slo_id, resolution, ts, good, total)
     SELECT s.id, 'day', ? - d::bigint * ${DAY}, 1432800, 1440000 FROM pulse_slo s, generate_series(91, 400) d`,
    [now],
  );
  // A year of delivery events: 3 production deployments a day with 3 commits each, an incident a week.
  await db.raw(
    `INSERT INTO pulse_deployment (id, entity_ref, environment, started_at, finished_at, status, rework, updated_at)
     SELECT 'd-' || i || '-' || k, 'component:default/service-' || i, 'production', ?::bigint - k::bigint * 28800000 - 600000,
            ?::bigint - k::bigint * 28800000, CASE WHEN k % 20 = 0 THEN 'failure' ELSE 'success' END, false, ?
     FROM generate_series(1, ?) i, generate_series(1, 365 * 3) k`,
    [now, now, now, services],
  );
  await db.raw(
    `INSERT INTO pulse_deployment_commit (deployment_id, sha)
     SELECT d.id, md5(d.id || c) FROM pulse_deployment d, generate_series(1, 3) c`,
  );
  await db.raw(
    `INSERT INTO pulse_change (id, entity_ref, created_at, merged_at, first_deployed_at, updated_at)
     SELECT c.sha, d.entity_ref, d.started_at - 86400000, d.started_at - 3600000, d.finished_at, d.finished_at
     FROM pulse_deployment_commit c JOIN pulse_deployment d ON d.id = c.deployment_id`,
  );
  await db.raw(
    `INSERT INTO pulse_incident (id, entity_ref, created_at, resolved_at, deployment_id, environment, updated_at)
     SELECT 'i-' || i || '-' || w, 'component:default/service-' || i, ?::bigint - w::bigint * ${7 * DAY},
            ?::bigint - w::bigint * ${7 * DAY} + 5400000, 'd-' || i || '-' || (w * 21), 'production', ?
     FROM generate_series(1, ?::int) i, generate_series(1, 52) w`,
    [now, now, now, services],
  );
  await db.raw('ANALYZE');
}

async function sizes(db) {
  const rows = await db.raw(
    `SELECT relname AS table, n_live_tup AS rows, pg_total_relation_size(relid) AS bytes
     FROM pg_stat_user_tables WHERE relname LIKE 'pulse_%' ORDER BY bytes DESC`,
  );
  let total = 0;
  for (const r of rows.rows) {
    total += Number(r.bytes);
    console.log(
      `  ${r.table.padEnd(28)} ${String(Math.round(Number(r.rows) / services)).padStart(8)} rows/service ` +
        `${(Number(r.bytes) / services / 1024).toFixed(0).padStart(8)} KiB/service`,
    );
  }
  console.log(`  total: ${(total / services / 1024 / 1024).toFixed(2)} MiB per service, ${(total / 1024 / 1024).toFixed(0)} MiB for ${services}`);
}

/** The same raw samples in a table partitioned by week of ts. */
async function createPartitionedCopy(db) {
  await db.raw(
    `CREATE TABLE sample_partitioned (slo_id integer NOT NULL, ts bigint NOT NULL, good bigint NOT NULL,
       total bigint NOT NULL, PRIMARY KEY (slo_id, ts)) PARTITION BY RANGE (ts)`,
  );
  const weekMs = 7 * DAY;
  const first = now - 32 * DAY; // the oldest raw sample: the first partition holds a full week
  for (let from = first; from <= now; from += weekMs) {
    await db.raw(`CREATE TABLE sample_p_${from} PARTITION OF sample_partitioned FOR VALUES FROM (${from}) TO (${from + weekMs})`);
  }
  await db.raw(`INSERT INTO sample_partitioned SELECT slo_id, ts, good, total FROM pulse_sli_sample`);
  await db.raw('ANALYZE sample_partitioned');
  return { first, weekMs };
}

async function main() {
  await admin(`CREATE DATABASE ${database}`);
  const db = knexFactory({ client: 'pg', connection: `${serverUrl}/${database}` });
  try {
    await db.migrate.latest({ directory: path.join(root, 'plugins/pulse-node/migrations') });
    console.log(`${services} services at the storage bound (now = ${new Date(now).toISOString()})`);
    await timed('load', () => loadSteadyState(db));
    await sizes(db);

    const { first, weekMs } = await timed('partitioned copy', () => createPartitionedCopy(db));
    const weekEnd = first + weekMs;
    const [{ n }] = (await db.raw(`SELECT COUNT(*)::int AS n FROM pulse_sli_sample WHERE ts < ?`, [weekEnd])).rows;
    console.log(`oldest week: ${n} raw rows (${Math.round(n / services)} per service)`);

    const windowSum = table =>
      db.raw(`SELECT SUM(good) g, SUM(total) t FROM ${table} WHERE slo_id = 7 AND ts >= ? AND ts <= ?`, [now - 28 * DAY, now]);
    for (const table of ['pulse_sli_sample', 'sample_partitioned']) {
      await windowSum(table);
      await timed(`28-day window sum of one SLO, 20 times, ${table}`, async () => {
        for (let i = 0; i < 20; i++) await windowSum(table);
      });
    }

    // Plain table: what the roll-up job does, per SLO, 5,000 rows per statement by primary-key range.
    await timed('plain: batched DELETE of the oldest week (5,000 rows per statement)', async () => {
      for (let slo = 1; slo <= services; slo++) {
        for (;;) {
          const next = await db('pulse_sli_sample').where('slo_id', slo).andWhere('ts', '<', weekEnd).orderBy('ts').offset(5000).first('ts');
          const end = next ? Number(next.ts) : weekEnd;
          await db('pulse_sli_sample').where('slo_id', slo).andWhere('ts', '<', end).delete();
          if (!next) break;
        }
      }
    });
    await timed('plain: VACUUM afterwards', () => db.raw('VACUUM pulse_sli_sample'));
    await timed('partitioned: DETACH + DROP the oldest week', async () => {
      await db.raw(`ALTER TABLE sample_partitioned DETACH PARTITION sample_p_${first}`);
      await db.raw(`DROP TABLE sample_p_${first}`);
    });
  } finally {
    await db.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

await main();
