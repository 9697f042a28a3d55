#!/usr/bin/env node
/*
 * Restart test: ingest batches in a loop, SIGKILL the backend's process group mid-ingestion, start it again on the
 * same SQLite files, and check through the API that every acknowledged (2xx) batch is there, whole, and that every
 * batch in flight at the kill is either whole or absent (never half written).
 *
 *   node reliability/restart-test.mjs [--port 7201] [--batches 120] [--killAfter 40] [--parallel 4]
 *
 * Each batch goes to its own SLO (200 samples of total 10, good 9) or its own entity's DORA scorecard (25
 * deployments), so the API's per-SLO counts and per-entity deployment counts show exactly which batches were stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flags, killGroup, probeSlo, pulse, sleep, startBackend, stopBackend, writeBackendConfig } from './lib/backend.mjs';

const options = flags({ port: 7201, batches: 120, killAfter: 40, parallel: 4 });
const { port } = options;
const SAMPLES = 200;
const DEPLOYMENTS = 25;
const ENTITY = '/slo/entities/component/default/restart-probe';
const sloName = batch => `batch-${String(batch).padStart(4, '0')}`;
const doraEntity = batch => `restart-dora-${batch}`;
const isSloBatch = batch => batch % 2 === 0;

function batchBody(batch, now) {
  if (isSloBatch(batch)) {
    return {
      path: '/slo/samples',
      items: Array.from({ length: SAMPLES }, (_, i) => ({
        entityRef: 'component:default/restart-probe',
        slo: sloName(batch),
        timestamp: new Date(now - (i + 1) * 60_000).toISOString(),
        good: 9,
        total: 10,
      })),
    };
  }
  return {
    path: '/dora/deployments',
    items: Array.from({ length: DEPLOYMENTS }, (_, i) => ({
      id: `restart-${batch}-${i}`,
      entityRef: `component:default/${doraEntity(batch)}`,
      environment: 'production',
      startedAt: new Date(now - (i + 2) * 3_600_000).toISOString(),
      finishedAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
      status: 'success',
      commits: [`sha-${batch}-${i}`],
    })),
  };
}

/** What the API shows of a batch now: 'whole', 'absent', or a description of a partial write. */
async function storedBatch(batch, sloReport) {
  if (isSloBatch(batch)) {
    const slo = sloReport.slos.find(s => s.name === sloName(batch));
    const counts = slo?.objectives[0]?.counts ?? { good: 0, total: 0 };
    if (counts.total === 0) return 'absent';
    return counts.total === SAMPLES * 10 && counts.good === SAMPLES * 9 ? 'whole' : `partial ${JSON.stringify(counts)}`;
  }
  const res = await pulse(port, 'GET', `/dora/entities/component/default/${doraEntity(batch)}`);
  if (res.status !== 200) throw new Error(`Reading ${doraEntity(batch)} answered ${res.status}`);
  if (res.body.deployments === 0) return 'absent';
  return res.body.deployments === DEPLOYMENTS ? 'whole' : `partial (${res.body.deployments} deployments)`;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pulse-restart-'));
  const configFile = writeBackendConfig(dir, port, { demoData: false });
  const logFile = path.join(dir, 'backend.log');
  console.log(`restart test: backend on port ${port}, SQLite under ${dir}/sqlite, log ${logFile}`);

  let backend = await startBackend({ configFile, port, logFile });
  let passed = false;
  try {
    for (let batch = 0; batch < options.batches; batch += 2) {
      const res = await pulse(port, 'PUT', `${ENTITY}/slos/${sloName(batch)}`, probeSlo(sloName(batch)));
      if (res.status !== 201) throw new Error(`Defining ${sloName(batch)} answered ${res.status}`);
    }

    // Ingest with a few requests in flight; SIGKILL the group once enough batches are acknowledged.
    const now = Date.now();
    const acknowledged = new Set();
    const failed = new Map();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < options.batches && !killed) {
        const batch = next++;
        const { path: apiPath, items } = batchBody(batch, now);
        try {
          const res = await pulse(port, 'POST', apiPath, { items });
          if (res.status === 200 && res.body.accepted === items.length) acknowledged.add(batch);
          else failed.set(batch, `${res.status} ${JSON.stringify(res.body)}`);
        } catch (error) {
          failed.set(batch, String(error.cause?.code ?? error.message));
        }
        if (!killed && acknowledged.size >= options.killAfter) {
          killed = true;
          killGroup(backend.child, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: options.parallel }, worker));
    await backend.exited;
    const sent = next;
    const inFlight = [...failed.keys()];
    console.log(`sent ${sent} batches, ${acknowledged.size} acknowledged, ${inFlight.length} cut off by SIGKILL`);
    if (!killed) throw new Error('Every batch was acknowledged before the kill: raise --batches or lower --killAfter');
    const beforeKill = [...failed.values()].filter(reason => !/ECONNRESET|ECONNREFUSED|UND_ERR_SOCKET|other side closed|fetch failed/.test(reason));
    if (beforeKill.length > 0) throw new Error(`Batches failed before the kill: ${beforeKill.join('; ')}`);

    await sleep(500);
    backend = await startBackend({ configFile, port, logFile });
    const sloReport = await pulse(port, 'GET', ENTITY);
    if (sloReport.status !== 200) throw new Error(`Reading the SLO report answered ${sloReport.status}`);

    const problems = [];
    const outcome = { whole: 0, absent: 0 };
    for (let batch = 0; batch < sent; batch++) {
      const stored = await storedBatch(batch, sloReport.body);
      if (stored === 'whole' || stored === 'absent') outcome[stored] += acknowledged.has(batch) ? 0 : 1;
      if (acknowledged.has(batch) && stored !== 'whole') problems.push(`acknowledged batch ${batch} is ${stored}`);
      if (!acknowledged.has(batch) && stored !== 'whole' && stored !== 'absent') problems.push(`batch ${batch} is ${stored}`);
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
    console.log(
      `after restart: all ${acknowledged.size} acknowledged batches read back whole; of the ${inFlight.length} cut off, ` +
        `${outcome.whole} were committed before the kill and ${outcome.absent} rolled back, none half written`,
    );
    console.log('restart test passed');
    passed = true;
  } finally {
    await stopBackend(backend);
    // Kept on failure, with the backend log.
    if (passed) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`restart test FAILED: ${error.message}`);
  process.exit(1);
});
