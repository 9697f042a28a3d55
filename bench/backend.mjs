/*
 * A Pulse backend of the benchmark's own: started with `yarn start:backend --no-watch` on a config layer written here,
 * in its own process group (so it is stopped with everything it spawned), with the RSS of its process tree sampled.
 */
import { spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const YAML = createRequire(import.meta.url)('yaml');
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The static external-access token of app-config.development.yaml: a service principal, which may ingest and read. */
export function staticTokenOf(root) {
  const config = YAML.parse(readFileSync(path.join(root, 'app-config.development.yaml'), 'utf8'));
  return config.backend.auth.externalAccess.find(a => a.type === 'static').options.token;
}

/** Jobs wait past the run (they would compete with the measurements); the catalog reads only the bench's file. */
function configLayer({ port, database, catalogFile }) {
  const later = { initialDelay: { hours: 12 }, frequency: { hours: 24 }, timeout: { minutes: 30 } };
  return {
    backend: { baseUrl: `http://localhost:${port}`, listen: { port }, database },
    catalog: {
      locations: [{ type: 'file', target: catalogFile }],
      processingInterval: { minutes: 30 },
    },
    pulse: {
      demoData: false,
      jobs: { sloDiscovery: later, sloRollup: later, sloRetention: later },
      decisions: { schedule: later },
    },
  };
}

/** Parent pid of every process, from /proc. */
function parentPids() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  return parents;
}

/** Resident memory of a process and all its descendants, in bytes. */
function treeRss(rootPid) {
  const parents = parentPids();
  const tree = new Set([rootPid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

export class BenchBackend {
  constructor({ root, workDir, port, database, catalogFile, token }) {
    Object.assign(this, { root, port, token });
    this.baseUrl = `http://localhost:${port}/api`;
    this.logFile = path.join(workDir, `backend-${port}.log`);
    this.configFile = path.join(workDir, `app-config.bench-${port}.yaml`);
    writeFileSync(this.configFile, YAML.stringify(configLayer({ port, database, catalogFile })));
    this.memory = { samples: 0, peak: 0, byPhase: new Map() };
    this.phase = 'start-up';
  }

  start() {
    const out = openSync(this.logFile, 'w');
    this.child = spawn(
      process.execPath,
      [path.join(this.root, '.yarn/releases/yarn-4.9.4.cjs'), 'start:backend', '--no-watch', '--config', this.configFile],
      { cwd: this.root, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    this.sampler = setInterval(() => this.sampleMemory(), 1000);
  }

  sampleMemory() {
    const rss = treeRss(this.child.pid);
    this.memory.samples++;
    this.memory.peak = Math.max(this.memory.peak, rss);
    this.memory.byPhase.set(this.phase, Math.max(this.memory.byPhase.get(this.phase) ?? 0, rss));
  }

  /** Names what the backend is doing, so its peak memory is reported per phase. */
  enter(phase) {
    this.phase = phase;
  }

  /**
   * One API call; a connection the server closed just as it was reused (keep-alive race) is retried, which is safe
   * as every write here is an upsert.
   */
  async request(method, route, body, contentType = 'application/json') {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.requestOnce(method, route, body, contentType);
      } catch (error) {
        if (attempt === 3 || error?.cause?.code !== 'UND_ERR_SOCKET' || this.child.exitCode !== null) throw error;
        this.retries = (this.retries ?? 0) + 1;
      }
    }
  }

  async requestOnce(method, route, body, contentType) {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': contentType }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** Waits until Pulse answers and the catalog holds the expected number of entities. */
  async ready(expectedEntities, timeoutMs = 15 * 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the backend exited; see ${this.logFile}`);
      try {
        await this.request('GET', '/pulse/health');
        const page = await this.request('GET', '/catalog/entities/by-query?limit=1&filter=metadata.namespace=default');
        if (page.totalItems >= expectedEntities) return;
      } catch {
        // not listening yet, or the catalog is still processing
      }
      await sleep(2000);
    }
    throw new Error(`the backend was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  async stop() {
    clearInterval(this.sampler);
    const alive = () => {
      try {
        process.kill(-this.child.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      if (!alive()) return;
      process.kill(-this.child.pid, signal);
      for (let i = 0; i < 100 && alive(); i++) await sleep(100);
    }
  }
}
