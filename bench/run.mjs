#!/usr/bin/env node
/*
 * The Pulse benchmark against the bare-SQL floor (docs/benchmarks.md). Run from the repository root:
 *
 *   node bench/run.mjs [--db sqlite|postgres|both] [--services 1000] [--days 365] [--sample-minutes 1]
 *                      [--entity-samples 200] [--out docs/benchmarks.md] [--port 7400]
 *
 * For each database it generates the data set, starts a backend of its own (ports 7400-7499, a fresh SQLite directory
 * or a fresh PostgreSQL database on 127.0.0.1:5432, dropped afterwards), loads the data through the HTTP API, measures
 * ingestion throughput and read latency beside the floors, samples the backend's memory, and writes the report.
 * Environment: PULSE_BENCH_PG (default postgresql://postgres@127.0.0.1:5432).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchBackend, staticTokenOf } from './backend.mjs';
import { writeCatalog } from './catalog.mjs';
import { freshPostgres, freshSqlite } from './database.mjs';
import { organisationOf } from './dataset.mjs';
import { loadDelivery, loadRollups, loadSamples, loadSlos, loadSurveys } from './load.mjs';
import { measureLatencies } from './measure.mjs';
import { writeReport } from './report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    services: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    'sample-minutes': { type: 'string', default: '1' },
    'entity-samples': { type: 'string', default: '200' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    port: { type: 'string', default: '7400' },
  },
});
const scale = {
  services: Number(args.services),
  days: Number(args.days),
  sampleMinutes: Number(args['sample-minutes']),
  entitySamples: Number(args['entity-samples']),
};
const serverUrl = process.env.PULSE_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const started = Date.now();
const log = message => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);

async function timedPhase(name, backend, fn) {
  backend.enter(name);
  const t = performance.now();
  const result = await fn();
  const seconds = (performance.now() - t) / 1000;
  log(`${name}: ${seconds.toFixed(1)} s`);
  return { result, seconds };
}

async function countsOf(db) {
  const count = async table => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const tables = ['pulse_slo', 'pulse_sli_sample', 'pulse_sli_rollup', 'pulse_deployment', 'pulse_deployment_commit',
    'pulse_change', 'pulse_incident', 'pulse_survey_round', 'pulse_survey_response', 'pulse_survey_answer'];
  const counts = {};
  for (const table of tables) counts[table] = await count(table);
  return counts;
}

async function runOn(store, port) {
  const now = Date.now();
  const workDir = mkdtempSync(path.join(os.tmpdir(), `pulse-bench-${store.kind}-`));
  const organisation = organisationOf(scale);
  const catalogFile = path.join(workDir, 'catalog.yaml');
  const entities = writeCatalog(catalogFile, organisation);
  await store.create?.();
  const backend = new BenchBackend({
    root, workDir, port, database: store.backendConfig, catalogFile, token: staticTokenOf(root),
  });
  log(`${store.kind}: ${store.describe()}; backend on ${port} (log ${backend.logFile}); ${entities} catalog entities`);
  backend.start();
  let db;
  let failed = false;
  try {
    const startup = await timedPhase('start-up and catalog', backend, () => backend.ready(entities));
    db = await store.open();
    const version = (await db.query(store.kind === 'sqlite' ? 'SELECT sqlite_version() AS v' : 'SELECT version() AS v'))[0].v;
    const options = { now, days: scale.days, sampleMinutes: scale.sampleMinutes };
    await timedPhase('SLO definitions (HTTP)', backend, () => loadSlos(backend, organisation));
    const rollups = await timedPhase('hourly roll-ups (SQL)', backend, () => loadRollups(db, organisation, options));
    const samples = await timedPhase('SLI samples (HTTP)', backend, () => loadSamples(backend, organisation, options, log));
    const delivery = await timedPhase('DORA events (HTTP)', backend, () => loadDelivery(backend, organisation, options, log));
    const surveys = await timedPhase('survey rounds and responses (SQL)', backend, () => loadSurveys(db, organisation, options));
    await timedPhase('ANALYZE', backend, () => db.analyze());
    const counts = await countsOf(db);
    log(`loaded: ${JSON.stringify(counts)}`);
    const latencies = await measureLatencies({
      backend, db, organisation, rounds: surveys.result.rounds, entitySamples: scale.entitySamples, log,
    });
    backend.sampleMemory();
    return {
      kind: store.kind,
      version,
      counts,
      phases: { startup: startup.seconds, rollups: rollups.seconds, samples: samples.seconds, delivery: delivery.seconds },
      ingestion: { samples: samples.result, ...delivery.result },
      latencies,
      retries: backend.retries ?? 0,
      memory: { peak: backend.memory.peak, samples: backend.memory.samples, byPhase: Object.fromEntries(backend.memory.byPhase) },
    };
  } catch (error) {
    failed = true;
    log(`failed; the backend log stays in ${backend.logFile}`);
    throw error;
  } finally {
    await db?.close();
    await backend.stop();
    await store.drop();
    if (!failed) rmSync(workDir, { recursive: true, force: true });
  }
}

async function main() {
  const kinds = args.db === 'both' ? ['sqlite', 'postgres'] : [args.db];
  const runs = [];
  for (const [i, kind] of kinds.entries()) {
    const store = kind === 'sqlite' ? freshSqlite() : freshPostgres(serverUrl);
    runs.push(await runOn(store, Number(args.port) + i));
  }
  const machine = {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
  };
  const out = path.resolve(root, args.out);
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  writeFileSync(path.join(root, 'bench/out/last-run.json'), JSON.stringify({ scale, machine, runs, at: new Date().toISOString() }, null, 2));
  writeReport(out, { scale, machine, runs, command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim() });
  log(`report written to ${path.relative(root, out)}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
