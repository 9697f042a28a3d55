// Starts the real portal for the end-to-end suite: builds the frontend once, then runs the backend (which serves it)
// on a fresh SQLite folder with demo data, and waits until the demo catalog and Pulse data are in.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const baseUrl = 'http://localhost:7107';
export const serviceToken = 'pulse-local-dev-token';
const yarn = [path.join(root, '.yarn/releases/yarn-4.9.4.cjs')];

function run(args, what) {
  const result = spawnSync(process.execPath, [...yarn, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed with exit code ${result.status}`);
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 1000));
  }
}

const authorized = { headers: { Authorization: `Bearer ${serviceToken}` } };

/** Builds the app unless E2E_SKIP_BUILD is set and a build exists; starts the backend; resolves with a stop function. */
export async function startPortal({ log = process.env.E2E_LOG ?? path.join(root, 'e2e/out/backend.log') } = {}) {
  if (!(process.env.E2E_SKIP_BUILD && existsSync(path.join(root, 'packages/app/dist/index.html')))) {
    run(['workspace', 'app', 'build'], 'Building the frontend');
  }
  rmSync(path.join(root, 'e2e/out/sqlite'), { recursive: true, force: true });
  const { openSync, mkdirSync } = await import('node:fs');
  mkdirSync(path.dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  const backend = spawn(
    process.execPath,
    [...yarn, 'start:backend', '--no-watch', '--config', 'e2e/app-config.e2e.yaml'],
    { cwd: root, stdio: ['ignore', out, out], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitFor('the backend', async () => (await fetch(`${baseUrl}/api/pulse/health`)).ok, 180_000);
    await waitFor(
      'the demo catalog',
      async () => {
        const res = await fetch(`${baseUrl}/api/catalog/entities/by-name/component/default/payments-api`, authorized);
        return res.ok;
      },
      120_000,
    );
  } catch (e) {
    stop();
    throw new Error(`${e.message}; see ${log}`);
  }
  return { stop };
}
