import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/** Debian's `prometheus` package installs both here. */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';
const PROMTOOL_BINARY = '/usr/bin/promtool';

/** Loopback ports the test Prometheus may listen on. */
const PORTS = [9190, 9191, 9192, 9193, 9194, 9195, 9196, 9197, 9198, 9199];
const READY_TIMEOUT_MS = 30_000;

/** One counter series: its labels and its cumulative values at epoch-ms instants. */
export interface CounterSeries {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

/** An OpenMetrics text exposition of one counter family with timestamps, as promtool backfills it. */
export function openMetricsOfCounter(family: string, series: CounterSeries[]): string {
  const lines = [`# HELP ${family} Requests, by status code.`, `# TYPE ${family} counter`];
  for (const { labels, samples } of series) {
    const labelText = Object.entries(labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(',');
    for (const [at, value] of samples) lines.push(`${family}_total{${labelText}} ${value} ${at / 1000}`);
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

function freePort(): Promise<number> {
  const tryPort = (index: number): Promise<number> =>
    index >= PORTS.length
      ? Promise.reject(new Error(`No free port among ${PORTS.join(', ')} for the test Prometheus`))
      : new Promise((resolve, reject) => {
          const server = createServer();
          server.once('error', () => tryPort(index + 1).then(resolve, reject));
          server.listen(PORTS[index], '127.0.0.1', () => server.close(() => resolve(PORTS[index])));
        });
  return tryPort(0);
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prometheus exited with ${child.exitCode}: ${output()}`);
    const ready = await fetch(`${baseUrl}/-/ready`).then(
      res => res.ok,
      () => false,
    );
    if (ready) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`Prometheus at ${baseUrl} was not ready within ${READY_TIMEOUT_MS} ms: ${output()}`);
}

/** A Prometheus on loopback serving a TSDB backfilled from OpenMetrics text; `stop()` ends it and removes its files. */
export interface TestPrometheus {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestPrometheus(openMetrics: string): Promise<TestPrometheus> {
  if (!existsSync(PROMETHEUS_BINARY)) {
    throw new Error(`${PROMETHEUS_BINARY} is missing: install Debian's prometheus package (apt-get install prometheus)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'pulse-prometheus-'));
  const metricsFile = join(dir, 'metrics.om');
  const dataDir = join(dir, 'data');
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(metricsFile, openMetrics);
  writeFileSync(configFile, 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');

  const backfill = spawnSync(PROMTOOL_BINARY, ['tsdb', 'create-blocks-from', 'openmetrics', metricsFile, dataDir], {
    encoding: 'utf8',
  });
  if (backfill.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`promtool could not backfill: ${backfill.stderr || backfill.error}`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      // Backfilled blocks older than the retention would be deleted at start.
      '--storage.tsdb.retention.time=10y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000);
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}
