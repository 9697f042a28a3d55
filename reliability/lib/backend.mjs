/*
 * A Pulse backend started for the reliability scripts: `yarn start:backend --no-watch` on app-config.yaml and app-config.development.yaml plus a
 * temporary layer (its own port and SQLite directory), in its own process group so that it can be killed whole.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The static external-access token of app-config.development.yaml: a service principal, allowed to ingest. */
export const TOKEN = 'pulse-local-dev-token';

/** Writes the config layer for a backend on `port` storing its SQLite files under `dir`. */
export function writeBackendConfig(dir, port, { demoData }) {
  mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  const file = path.join(dir, 'app-config.reliability.yaml');
  writeFileSync(
    file,
    [
      'backend:',
      `  baseUrl: http://localhost:${port}`,
      '  listen:',
      `    port: ${port}`,
      '  database:',
      '    client: better-sqlite3',
      '    connection:',
      `      directory: ${JSON.stringify(path.join(dir, 'sqlite'))}`,
      'pulse:',
      `  demoData: ${demoData}`,
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * Launches the backend (`configFiles` layered in order over app-config.yaml and, unless `env.NODE_ENV` is production,
 * app-config.development.yaml) in its own process group, its output appended to `logFile`; does not wait.
 */
export function launchBackend({ configFiles, logFile, env = {} }) {
  const log = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['.yarn/releases/yarn-4.9.4.cjs', 'start:backend', '--no-watch', ...configFiles.flatMap(file => ['--config', file])],
    { cwd: root, detached: true, stdio: ['ignore', log, log], env: { ...process.env, NODE_ENV: 'development', ...env } },
  );
  const exited = new Promise(resolve => child.once('exit', code => resolve(code)));
  return { child, exited };
}

/** Launches the backend and resolves once /api/pulse/health answers 200. */
export async function startBackend({ configFile, configFiles = [configFile], port, logFile, env = {}, timeoutMs = 180_000 }) {
  const { child, exited } = launchBackend({ configFiles, logFile, env });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const code = await Promise.race([exited, sleep(500).then(() => undefined)]);
    if (code !== undefined) throw new Error(`The backend exited with ${code} before it was ready; see ${logFile}`);
    try {
      const res = await fetch(`http://localhost:${port}/api/pulse/health`);
      if (res.ok) return { child, exited };
    } catch {
      // not listening yet
    }
  }
  killGroup(child, 'SIGKILL');
  throw new Error(`The backend was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
}

/** Sends a signal to the backend's whole process group (yarn, the start script and the backend itself). */
export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Stops the backend: SIGTERM, then SIGKILL after 10 s. */
export async function stopBackend(backend) {
  killGroup(backend.child, 'SIGTERM');
  const code = await Promise.race([backend.exited, sleep(10_000).then(() => 'timeout')]);
  if (code === 'timeout') killGroup(backend.child, 'SIGKILL');
}

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** A JSON call to the Pulse API with the static token; resolves to { status, body }. */
export async function pulse(port, method, apiPath, body) {
  const res = await fetch(`http://localhost:${port}/api/pulse${apiPath}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** `--name value` flags of the command line, with defaults. */
export function flags(defaults) {
  const values = { ...defaults };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '');
    if (!(name in defaults)) throw new Error(`Unknown flag ${args[i]}; known: ${Object.keys(defaults).join(', ')}`);
    values[name] = typeof defaults[name] === 'number' ? Number(args[i + 1]) : args[i + 1];
  }
  return values;
}

/** A 28-day ratio SLO for the probe entities. */
export function probeSlo(name) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name },
    spec: {
      indicator: {
        metadata: { name: 'probe' },
        spec: {
          ratioMetric: {
            good: { metricSource: { type: 'Prometheus', spec: { query: 'good' } } },
            total: { metricSource: { type: 'Prometheus', spec: { query: 'total' } } },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'Probe', target: 0.99 }],
    },
  };
}
