#!/usr/bin/env node
/*
 * Two Pulse backend replicas on one fresh PostgreSQL database, as behind a load balancer:
 *   1. both start at once (each runs the migrations; knex's migration lock serializes them),
 *   2. overlapping and retried ingestion batches (SLI samples, DORA deployments) go to both at once, and every item
 *      is stored exactly once (checked in the database),
 *   3. reads from either replica agree,
 *   4. the scheduled SLO roll-up (every few seconds here) runs once per interval across both, counted in
 *      pulse_job_run, and moves old samples exactly once.
 * Then both process groups are killed and the database is dropped. Run from the repository root:
 *   node replicas/multi-replica-test.mjs
 * Environment: PULSE_REPLICAS_PG (default postgresql://postgres@127.0.0.1:5432), PULSE_REPLICAS_PORTS (7301,7302).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const YAML = require('yaml');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = process.env.PULSE_REPLICAS_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const ports = (process.env.PULSE_REPLICAS_PORTS ?? '7301,7302').split(',').map(Number);
const database = `pulse_replicas_${randomBytes(4).toString('hex')}`;
const ROLLUP_EVERY_S = 4;
const DEADLINE_MS = 170_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
const ENTITY = 'component/default/checkout';

const started = Date.now();
const tmp = mkdtempSync(path.join(tmpdir(), 'pulse-replicas-'));
const token = YAML.parse(readFileSync(path.join(root, 'app-config.development.yaml'), 'utf8')).backend.auth.externalAccess.find(
  a => a.type === 'static',
).options.token;
const replicas = [];
let failures = 0;

const log = message => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
function check(ok, message) {
  log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures++;
}

async function sql(connectTo, text, values) {
  const client = new Client({ connectionString: connectTo });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}
const pulseDb = (text, values) => sql(`${serverUrl}/${database}`, text, values);

/** A config layer over app-config.yaml: this replica's port, the shared database, short job schedules. */
function writeConfig(port) {
  const file = path.join(tmp, `replica-${port}.yaml`);
  const config = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port },
      // One database, a schema per plugin: dropping the database removes everything the test made.
      database: { client: 'pg', pluginDivisionMode: 'schema', connection: `${serverUrl}/${database}` },
    },
    pulse: {
      demoData: false,
      jobs: {
        sloRollup: { frequency: { seconds: ROLLUP_EVERY_S }, timeout: { seconds: 30 }, initialDelay: { seconds: 0 } },
        sloDiscovery: { frequency: { minutes: 30 }, timeout: { minutes: 1 }, initialDelay: { seconds: 0 } },
      },
    },
  };
  writeFileSync(file, YAML.stringify(config));
  return file;
}

/** Starts (or restarts) a replica's backend in its own process group, so it can be killed with all it spawned. */
function launch(replica) {
  const out = openSync(replica.logFile, 'w');
  const child = spawn(
    process.execPath,
    [path.join(root, '.yarn/releases/yarn-4.9.4.cjs'), 'start:backend', '--no-watch', '--config', writeConfig(replica.port)],
    { cwd: root, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LOG_LEVEL: 'info' } },
  );
  replica.child = child;
  return replica;
}

/** Whether any process of the replica's group is still alive. */
function groupAlive(replica) {
  try {
    process.kill(-replica.child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the replica's whole process group, SIGKILL after 5 s, until no process of it is left. */
async function stopReplica(replica) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    if (!groupAlive(replica)) return;
    process.kill(-replica.child.pid, signal);
    for (let i = 0; i < 50 && groupAlive(replica); i++) await sleep(100);
  }
}

async function stopReplicas() {
  await Promise.all(replicas.map(stopReplica));
}

/** A call to the Pulse API of one replica with the static token; answers { status, body }. */
async function api(port, method, route, body, contentType = 'application/json') {
  const response = await fetch(`http://localhost:${port}/api/pulse${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/**
 * Waits for /api/pulse/health. The Pulse store waits for another replica's migrations; Backstage's own services and
 * plugins (core.auth's key store, catalog, app) fail start-up instead when two replicas migrate a fresh database at
 * once (MigrationLocked, backstage/backstage#24284), and an orchestrator restarts such a pod: so does this, once.
 * A failure of the Pulse store fails the test.
 */
async function waitUntilHealthy(replica) {
  let restarts = 0;
  while (Date.now() - started < DEADLINE_MS / 2) {
    const output = readFileSync(replica.logFile, 'utf8');
    if (output.includes("service 'pulse.store'")) throw new Error(`the Pulse store failed to start on ${replica.port}`);
    if (output.includes('Backend startup failed') && restarts === 0) {
      restarts++;
      const cause = /(MigrationLocked|already exists|duplicate key)/.exec(output)?.[1] ?? 'see its log';
      log(`replica on ${replica.port}: Backstage start-up failed (${cause}); restarting it`);
      await stopReplica(replica);
      launch(replica);
      continue;
    }
    if (!groupAlive(replica)) throw new Error(`replica on ${replica.port} exited during start-up`);
    try {
      // Healthy means Pulse and the catalog it asks about owners both answer: the catalog may fail start-up after
      // Pulse is up, and then the log says so and the replica is restarted above.
      const { status } = await api(replica.port, 'GET', '/health');
      const catalog = await fetch(`http://localhost:${replica.port}/api/catalog/entities?limit=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (status === 200 && catalog.status === 200) return;
    } catch (error) {
      if (error.cause?.code !== 'ECONNREFUSED') throw error; // anything but "not listening yet"
    }
    await sleep(500);
  }
  throw new Error(`replica on ${replica.port} did not become healthy`);
}

/** Overlapping windows of `size` items every `step` items: neighbours share size - step items. */
function overlappingBatches(items, size, step) {
  const batches = [];
  for (let i = 0; i < items.length; i += step) batches.push(items.slice(i, i + size));
  return batches;
}

/**
 * Sends every batch to both replicas at once, and every third batch a second time in reverse order (a client retry
 * after a timeout); every answer must be 200.
 */
async function sendEverywhere(route, batches) {
  const sends = batches.flatMap((items, i) => [
    ...ports.map(port => api(port, 'POST', route, { items })),
    ...(i % 3 === 0 ? [api(ports[i % ports.length], 'POST', route, { items: [...items].reverse() })] : []),
  ]);
  const answers = await Promise.all(sends);
  const bad = answers.filter(a => a.status !== 200);
  check(bad.length === 0, `${answers.length} overlapping/retried POST ${route} answered 200` +
    (bad.length ? ` (not: ${JSON.stringify(bad.slice(0, 3))})` : ''));
}

/**
 * A report without what is derived from the evaluation instant, which differs by milliseconds per request: the
 * instants themselves and the burn-down's ideal line (a straight line to that instant).
 */
const TIME_DERIVED = ['evaluatedAt', 'start', 'end', 'at', 'idealRemainingFraction'];
const strippedOfTimes = value =>
  JSON.parse(JSON.stringify(value, (key, v) => (TIME_DERIVED.includes(key) ? undefined : v)));

function firstDifference(a, b, at = '') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const difference = firstDifference(a[key], b[key], `${at}.${key}`);
      if (difference) return difference;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function readsAgree(route, normalize = v => v) {
  // Both reads within one minute of the clock: sample times are whole minutes, so no window edge passes a sample.
  while (new Date().getSeconds() > 55) await sleep(250);
  const answers = await Promise.all(ports.map(port => api(port, 'GET', route)));
  const ok = answers.every(a => a.status === 200) && isDeepStrictEqual(normalize(answers[0].body), normalize(answers[1].body));
  check(ok, `GET ${route} answers the same on both replicas`);
  if (!ok) log(`first difference: ${firstDifference(normalize(answers[0].body), normalize(answers[1].body))}`);
  return answers[0].body;
}

async function main() {
  await sql(`${serverUrl}/postgres`, `CREATE DATABASE ${database}`);
  log(`created database ${database}; starting replicas on ${ports.join(', ')} (logs in ${tmp})`);
  replicas.push(...ports.map(port => launch({ port, logFile: path.join(tmp, `replica-${port}.log`) })));
  await Promise.all(replicas.map(waitUntilHealthy));
  log('both replicas healthy');
  const migrations = await pulseDb(`SELECT name FROM pulse.knex_migrations ORDER BY id`);
  check(new Set(migrations.map(m => m.name)).size === migrations.length, `${migrations.length} migrations applied once each`);

  const slo = readFileSync(path.join(root, 'examples/slos/checkout.yaml'), 'utf8');
  const put = await api(ports[0], 'PUT', `/slo/entities/${ENTITY}/slos/checkout-availability`, slo, 'application/yaml');
  check(put.status === 201, `PUT the checkout SLO: ${put.status}`);

  // 600 samples at whole minutes over the last 10 hours, and 120 from 40 days ago (to be rolled up).
  const nowMinute = Math.floor(Date.now() / MINUTE) * MINUTE;
  const sample = (ts, i) => ({
    entityRef: 'component:default/checkout',
    slo: 'checkout-availability',
    timestamp: new Date(ts).toISOString(),
    total: 100 + (i % 7),
    good: 100 + (i % 7) - (i % 11 === 0 ? 3 : 0),
  });
  const recent = Array.from({ length: 600 }, (_, i) => sample(nowMinute - (600 - i) * MINUTE, i));
  const oldStart = nowMinute - 40 * DAY - ((nowMinute - 40 * DAY) % 3_600_000);
  const old = Array.from({ length: 120 }, (_, i) => sample(oldStart + i * MINUTE, i));
  const oldPost = await api(ports[1], 'POST', '/slo/samples', { items: old });
  check(oldPost.status === 200 && oldPost.body.accepted === 120, `120 samples from 40 days ago accepted once`);
  await sendEverywhere('/slo/samples', overlappingBatches(recent, 100, 60));

  const deployments = Array.from({ length: 300 }, (_, i) => {
    const finished = nowMinute - (i + 1) * 2 * 3_600_000;
    return {
      id: `replica-deploy-${i}`,
      entityRef: 'component:default/checkout',
      environment: i % 10 === 0 ? 'staging' : 'production',
      startedAt: new Date(finished - 10 * MINUTE).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      status: i % 9 === 0 ? 'failure' : 'success',
      commits: [`sha-${i}-a`, `sha-${i}-b`],
    };
  });
  await sendEverywhere('/dora/deployments', overlappingBatches(deployments, 60, 40));

  const [samples] = await pulseDb(
    `SELECT COUNT(*)::int AS n, COUNT(DISTINCT ts)::int AS distinct_ts, SUM(good)::bigint AS good, SUM(total)::bigint AS total
     FROM pulse.pulse_sli_sample WHERE ts >= $1`,
    [nowMinute - DAY],
  );
  const sum = (items, field) => items.reduce((s, item) => s + item[field], 0);
  check(
    samples.n === 600 && samples.distinct_ts === 600 && Number(samples.good) === sum(recent, 'good') &&
      Number(samples.total) === sum(recent, 'total'),
    `600 recent samples stored once each: ${JSON.stringify(samples)}, expected good ${sum(recent, 'good')} total ${sum(recent, 'total')}`,
  );
  const [stored] = await pulseDb(
    `SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE status = 'failure')::int AS failures,
            (SELECT COUNT(*)::int FROM pulse.pulse_deployment_commit WHERE deployment_id LIKE 'replica-deploy-%') AS commits
     FROM pulse.pulse_deployment WHERE id LIKE 'replica-deploy-%'`,
  );
  check(
    stored.n === 300 && stored.failures === 34 && stored.commits === 600,
    `300 deployments (34 failed) with 600 commits stored once each: ${JSON.stringify(stored)}`,
  );

  await readsAgree(`/slo/entities/${ENTITY}/slos`);
  const report = await readsAgree(`/slo/entities/${ENTITY}`, strippedOfTimes);
  const window = report.slos?.[0]?.objectives?.[0];
  log(`SLO report objective: ${JSON.stringify(window)?.slice(0, 300)}`);
  const from = new Date(nowMinute - 30 * DAY).toISOString();
  const to = new Date(nowMinute).toISOString();
  const dora = await readsAgree(`/dora/entities/${ENTITY}?from=${from}&to=${to}`);
  log(`DORA scorecard: ${dora.deployments} deployments, tier ${dora.tier}`);

  // The roll-up: count its runs over a few intervals after both replicas have been up.
  const observeFrom = Date.now();
  const intervals = 6;
  await sleep(intervals * ROLLUP_EVERY_S * 1000 + 1500);
  const observeTo = Date.now() - 1000; // a run that just started may not have written its row yet
  const runs = await pulseDb(
    `SELECT started_at::bigint AS started_at, finished_at::bigint AS finished_at, runner, outcome
     FROM pulse.pulse_job_run WHERE job_id = 'pulse-slo-rollup' AND started_at >= $1 AND started_at < $2
     ORDER BY started_at`,
    [observeFrom, observeTo],
  );
  const elapsed = Math.floor((observeTo - observeFrom) / (ROLLUP_EVERY_S * 1000));
  // The scheduler keeps runs on a grid (next = previous slot + frequency), so a late run is followed by a quick one;
  // what must never happen is two runs at once. On a loaded machine the run of the slot before the window can start
  // inside it and be followed by its catch-up, hence up to two more than the window's intervals (both replicas running
  // every run would give twice as many).
  const overlaps = runs.slice(1).filter((r, i) => Number(r.started_at) < Number(runs[i].finished_at));
  const runners = [...new Set(runs.map(r => r.runner))];
  check(
    runs.length >= elapsed - 1 && runs.length <= elapsed + 2,
    `roll-up ran ${runs.length} times in ${elapsed} intervals of ${ROLLUP_EVERY_S}s (two replicas running every run would give ~${2 * elapsed}); runners: ${runners.join(', ')}`,
  );
  check(overlaps.length === 0, `no roll-up run started before the previous one finished`);
  check(runs.every(r => r.outcome === 'succeeded'), `every roll-up run succeeded`);

  const hours = await pulseDb(
    `SELECT ts::bigint AS ts, good::bigint AS good, total::bigint AS total FROM pulse.pulse_sli_rollup
     WHERE resolution = 'hour' ORDER BY ts`,
  );
  const [oldRaw] = await pulseDb(`SELECT COUNT(*)::int AS n FROM pulse.pulse_sli_sample WHERE ts < $1`, [nowMinute - DAY]);
  check(
    oldRaw.n === 0 && hours.length === 2 && Number(hours[0].good) + Number(hours[1].good) === sum(old, 'good') &&
      Number(hours[0].total) + Number(hours[1].total) === sum(old, 'total'),
    `the 120 old samples became 2 hourly sums, counted once: ${JSON.stringify(hours)}`,
  );
  const repost = await api(ports[0], 'POST', '/slo/samples', { items: old.slice(0, 10) });
  check(repost.status === 409, `re-posting rolled-up samples answers 409: ${repost.status}`);
}

const timer = setTimeout(() => {
  log('FAIL: over the time limit');
  failures++;
  cleanUp().then(() => process.exit(1));
}, DEADLINE_MS);

async function cleanUp() {
  await stopReplicas();
  await sql(`${serverUrl}/postgres`, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(e =>
    log(`could not drop ${database}: ${e.message}`),
  );
}

try {
  await main();
} catch (error) {
  failures++;
  log(`FAIL ${error.stack ?? error}`);
} finally {
  clearTimeout(timer);
  await cleanUp();
  if (failures > 0) {
    for (const replica of replicas) {
      log(`--- last lines of ${replica.logFile}`);
      console.log(readFileSync(replica.logFile, 'utf8').split('\n').slice(-40).join('\n'));
    }
  } else {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(failures > 0 ? `${failures} check(s) failed` : `all checks passed; dropped ${database}`);
  process.exit(failures > 0 ? 1 : 0);
}
