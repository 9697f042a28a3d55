#!/usr/bin/env node
/*
 * The production command of docs/production.md, run as written (NODE_ENV=production, app-config.production.yaml over
 * app-config.yaml, PostgreSQL from the environment), attacked with every secret the repository commits:
 *   1. webhooks signed with the committed GitHub and PagerDuty secrets get 401, and so does the committed static token;
 *   2. a layer that sets a committed secret stops the start, and the error names the key.
 *
 *   node reliability/production-config-test.mjs [--port 7211]
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { flags, killGroup, launchBackend, sleep, startBackend, stopBackend } from './lib/backend.mjs';

const { port } = flags({ port: 7211 });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = 'pulse_prodtest_';
const connection = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING ?? 'postgresql://postgres@127.0.0.1:5432';
const url = new URL(connection);
const env = {
  NODE_ENV: 'production',
  APP_BASE_URL: `http://localhost:${port}`,
  BACKEND_BASE_URL: `http://localhost:${port}`,
  POSTGRES_HOST: url.hostname,
  POSTGRES_PORT: url.port || '5432',
  POSTGRES_USER: decodeURIComponent(url.username) || 'postgres',
  POSTGRES_PASSWORD: decodeURIComponent(url.password) || 'unused-with-trust-auth',
};
const dir = mkdtempSync(path.join(tmpdir(), 'pulse-production-'));
const logFile = path.join(dir, 'backend.log');
let failures = 0;

function check(what, actual, expected) {
  const ok = actual === expected;
  if (!ok) failures++;
  console.log(`${ok ? 'ok' : 'FAIL'} ${what}: ${actual}${ok ? '' : ` (expected ${expected})`}`);
}

/** This run's own databases (one per plugin under the prefix), dropped before and after. */
async function dropDatabases() {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  const { rows } = await client.query('select datname from pg_database where datname like $1', [`${PREFIX}%`]);
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  await client.end();
}

/** A layer with this run's port and database prefix; `extra` lines are appended. */
function layer(name, extra = []) {
  const file = path.join(dir, name);
  writeFileSync(file, ['backend:', `  listen: { port: ${port} }`, '  database:', `    prefix: ${PREFIX}`, ...extra, ''].join('\n'));
  return file;
}

/** The secrets app-config.development.yaml commits, read from the file itself so the test follows it. */
function committedSecrets() {
  const text = readFileSync(path.join(root, 'app-config.development.yaml'), 'utf8');
  const value = key => text.match(new RegExp(`${key}:\\s*(\\S+)`))[1];
  return { github: value('github:\\s*\\n\\s*webhookSecret'), pagerduty: value('pagerduty:\\s*\\n\\s*webhookSecret'), token: value('token') };
}

const committed = committedSecrets();

/**
 * Launches a backend that must refuse to start: 'refused' once its log shows `refusal` (the plugin failed; the rest of
 * the backend may linger, so it is killed), 'started' if Pulse answers its health check instead.
 */
async function refusedStart(configFiles, logFile, refusal) {
  writeFileSync(logFile, '');
  const backend = launchBackend({ configFiles, logFile, env });
  try {
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
      if (readFileSync(logFile, 'utf8').includes(refusal)) return 'refused';
      const health = await fetch(`http://localhost:${port}/api/pulse/health`).catch(() => undefined);
      if (health?.ok) return 'started';
    }
    return 'timed out';
  } finally {
    killGroup(backend.child, 'SIGKILL');
    await backend.exited;
  }
}
const post = (apiPath, headers, body) =>
  fetch(`http://localhost:${port}/api/pulse${apiPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

try {
  await dropDatabases();
  const production = path.join(root, 'app-config.production.yaml');
  const backend = await startBackend({ configFiles: [production, layer('ours.yaml')], port, logFile, env });
  try {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const github = await post(
      '/webhooks/github',
      {
        'X-GitHub-Event': 'ping',
        'X-GitHub-Delivery': 'prod-test-1',
        'X-Hub-Signature-256': `sha256=${createHmac('sha256', committed.github).update(body).digest('hex')}`,
      },
      body,
    );
    check('GitHub webhook signed with the committed secret', github.status, 401);
    const pdBody = JSON.stringify({ event: { id: 'prod-test-1', event_type: 'incident.triggered', data: {} } });
    const pagerduty = await post(
      '/webhooks/pagerduty',
      { 'X-PagerDuty-Signature': `v1=${createHmac('sha256', committed.pagerduty).update(pdBody).digest('hex')}` },
      pdBody,
    );
    check('PagerDuty webhook signed with the committed secret', pagerduty.status, 401);
    const token = await fetch(`http://localhost:${port}/api/pulse/dora/groups`, {
      headers: { Authorization: `Bearer ${committed.token}` },
    });
    check('API call with the committed static token', token.status, 401);
  } finally {
    await stopBackend(backend);
  }

  for (const [key, lines] of [
    ['pulse.github.webhookSecret', ['pulse:', '  github:', `    webhookSecret: ${committed.github}`]],
    ['pulse.pagerduty.webhookSecret', ['pulse:', '  pagerduty:', `    webhookSecret: ${committed.pagerduty}`]],
  ]) {
    const refusedLog = path.join(dir, `${key}.log`);
    const refused = await refusedStart([production, layer(`${key}.yaml`, lines)], refusedLog, `${key} holds a secret committed`);
    check(`production start with the committed ${key} (refused, naming the key)`, refused, 'refused');
  }
} finally {
  await dropDatabases();
  if (failures === 0) rmSync(dir, { recursive: true, force: true });
  else console.log(`logs kept in ${dir}`);
}
console.log(failures === 0 ? 'production config: every committed secret refused' : `production config: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
