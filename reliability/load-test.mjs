#!/usr/bin/env node
/*
 * Load test on loopback: `--clients` concurrent clients (200) mix reads and writes for `--duration` seconds (60),
 * bounded by `--maxRequests` too. Then every acknowledged write is read back through the API. Prints p50/p95/p99
 * latencies per kind of request and the throughput; exits 1 on any error or lost write.
 *
 *   node reliability/load-test.mjs [--port 7202] [--duration 60] [--clients 200] [--maxRequests 500000]
 *
 * Each client owns one SLO (component:default/load-N) and one DORA entity (load-dora-N), so what it was acknowledged
 * can be checked exactly: the SLO's event total and the entity's deployment count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flags, probeSlo, pulse, startBackend, stopBackend, writeBackendConfig } from './lib/backend.mjs';
import { seededRandom } from '../scripts/lib/seededRandom.mjs';

const options = flags({ port: 7202, duration: 60, clients: 200, maxRequests: 500_000 });
const { port } = options;
const SAMPLES_PER_WRITE = 10;
const DEPLOYMENTS_PER_WRITE = 5;
/** Minutes of sample timestamps a client may use: inside the SLO's 28-day window. */
const MAX_SAMPLE_MINUTES = 27 * 24 * 60;
const REQUEST_TIMEOUT_MS = 30_000;

/** The mix, by weight. */
const OPERATIONS = [
  ['write samples', 30],
  ['write deployments', 15],
  ['read SLO report', 20],
  ['read DORA entity', 15],
  ['read DORA teams', 5],
  ['read survey rounds', 15],
];
const TOTAL_WEIGHT = OPERATIONS.reduce((sum, [, weight]) => sum + weight, 0);

/** A seeded generator, so that a run's mix can be repeated. */
const random = seededRandom;

function pick(rand) {
  let r = rand() * TOTAL_WEIGHT;
  for (const [name, weight] of OPERATIONS) {
    if ((r -= weight) < 0) return name;
  }
  return OPERATIONS[0][0];
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pulse-load-'));
  const configFile = writeBackendConfig(dir, port, { demoData: true });
  const logFile = path.join(dir, 'backend.log');
  console.log(`load test: ${options.clients} clients for ${options.duration} s on port ${port}, log ${logFile}`);
  const backend = await startBackend({ configFile, port, logFile });
  let passed = false;
  try {
    for (let c = 0; c < options.clients; c++) {
      const res = await pulse(port, 'PUT', `/slo/entities/component/default/load-${c}/slos/load`, probeSlo('load'));
      if (res.status !== 201) throw new Error(`Defining the SLO of load-${c} answered ${res.status}`);
    }

    const start = Date.now();
    const deadline = start + options.duration * 1000;
    const latencies = new Map(OPERATIONS.map(([name]) => [name, []]));
    const errors = [];
    const acked = Array.from({ length: options.clients }, () => ({ samples: 0, deployments: 0 }));
    let requests = 0;

    const timed = async (name, method, apiPath, body, accept) => {
      requests++;
      const begin = performance.now();
      try {
        const res = await Promise.race([
          pulse(port, method, apiPath, body),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), REQUEST_TIMEOUT_MS)),
        ]);
        latencies.get(name).push(performance.now() - begin);
        if (res.status !== 200 || !accept(res.body)) errors.push(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res.status === 200;
      } catch (error) {
        errors.push(`${name}: ${error.cause?.code ?? error.message}`);
        return false;
      }
    };

    const client = async c => {
      const rand = random(c + 1);
      let minutes = 0;
      let deployments = 0;
      while (Date.now() < deadline && requests < options.maxRequests) {
        let name = pick(rand);
        if (name === 'write samples' && minutes + SAMPLES_PER_WRITE > MAX_SAMPLE_MINUTES) name = 'read SLO report';
        if (name === 'write samples') {
          const items = Array.from({ length: SAMPLES_PER_WRITE }, (_, i) => ({
            entityRef: `component:default/load-${c}`,
            slo: 'load',
            timestamp: new Date(start - (minutes + i + 1) * 60_000).toISOString(),
            good: 9,
            total: 10,
          }));
          minutes += SAMPLES_PER_WRITE;
          if (await timed(name, 'POST', '/slo/samples', { items }, b => b.accepted === items.length)) {
            acked[c].samples += items.length;
          }
        } else if (name === 'write deployments') {
          const items = Array.from({ length: DEPLOYMENTS_PER_WRITE }, () => {
            const n = deployments++;
            return {
              id: `load-${c}-${n}`,
              entityRef: `component:default/load-dora-${c}`,
              environment: 'production',
              startedAt: new Date(start - (n + 2) * 60_000).toISOString(),
              finishedAt: new Date(start - (n + 1) * 60_000).toISOString(),
              status: 'success',
              commits: [`load-sha-${c}-${n}`],
            };
          });
          if (await timed(name, 'POST', '/dora/deployments', { items }, b => b.accepted === items.length)) {
            acked[c].deployments += items.length;
          }
        } else if (name === 'read SLO report') {
          await timed(name, 'GET', `/slo/entities/component/default/load-${c}`, undefined, b => b.slos?.length === 1);
        } else if (name === 'read DORA entity') {
          await timed(name, 'GET', `/dora/entities/component/default/load-dora-${c}`, undefined, b => 'deployments' in b);
        } else if (name === 'read DORA teams') {
          await timed(name, 'GET', '/dora/groups', undefined, b => Array.isArray(b.teams ?? b.items ?? b));
        } else {
          await timed(name, 'GET', '/surveys/rounds', undefined, b => Array.isArray(b.items));
        }
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
    const elapsed = (Date.now() - start) / 1000;

    // Every acknowledged write, read back.
    const lost = [];
    for (let c = 0; c < options.clients; c++) {
      const slo = await pulse(port, 'GET', `/slo/entities/component/default/load-${c}`);
      const total = slo.body.slos[0].objectives[0].counts.total;
      if (total !== acked[c].samples * 10) lost.push(`load-${c}: ${total / 10} samples stored, ${acked[c].samples} acknowledged`);
      const dora = await pulse(port, 'GET', `/dora/entities/component/default/load-dora-${c}`);
      if (dora.body.deployments !== acked[c].deployments) {
        lost.push(`load-dora-${c}: ${dora.body.deployments} deployments stored, ${acked[c].deployments} acknowledged`);
      }
    }

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const row = (name, values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const ms = p => percentile(sorted, p).toFixed(1).padStart(8);
      return `${name.padEnd(20)} ${String(sorted.length).padStart(8)} ${ms(50)} ${ms(95)} ${ms(99)} ${ms(100)}`;
    };
    console.log(`\n${'request'.padEnd(20)} ${'count'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    for (const [name, values] of latencies) console.log(row(name, values));
    console.log(row('all', all));
    const samples = acked.reduce((sum, a) => sum + a.samples, 0);
    const deployments = acked.reduce((sum, a) => sum + a.deployments, 0);
    console.log(
      `\n${requests} requests in ${elapsed.toFixed(1)} s: ${(requests / elapsed).toFixed(0)} requests/s; ` +
        `${samples} samples and ${deployments} deployments acknowledged; ${errors.length} errors; ${lost.length} entities with lost writes`,
    );
    if (errors.length > 0) throw new Error(`${errors.length} errors, e.g.\n${[...new Set(errors)].slice(0, 10).join('\n')}`);
    if (lost.length > 0) throw new Error(`Lost acknowledged writes:\n${lost.slice(0, 10).join('\n')}`);
    console.log('load test passed');
    passed = true;
  } finally {
    await stopBackend(backend);
    if (passed) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`load test FAILED: ${error.message}`);
  process.exit(1);
});
