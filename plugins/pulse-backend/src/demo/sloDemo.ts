import { SloDefinition, SloObjectiveDefinition, SloTimeWindow } from '@pulse/plugin-pulse-common';
import { SliSampleRow } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../service/context';
import { seededRandom } from './seededRandom';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const STEP_MS = 5 * MINUTE_MS;
const DEMO_DAYS = 28;

/** A demo SLO: its definition, traffic per five minutes, and the error ratio at a given age. */
interface DemoSlo {
  entityRef: string;
  definition: SloDefinition;
  traffic: number;
  errorRatio: (ageMs: number, random: () => number) => number;
  /** How far back its samples go, when less than the demo's 28 days (an SLO defined recently). */
  historyMs?: number;
}

const ROLLING_28D: SloTimeWindow = { duration: '28d', isRolling: true };

function ratioSlo(options: {
  name: string;
  displayName: string;
  description: string;
  objectives: SloObjectiveDefinition[];
  timeWindow?: SloTimeWindow;
  budgetingMethod?: SloDefinition['spec']['budgetingMethod'];
  service: string;
}): SloDefinition {
  const query = (filter: string) => ({
    metricSource: {
      type: 'Prometheus',
      spec: { query: `sum(rate(http_requests_total{service="${options.service}"${filter}}[1m]))` },
    },
  });
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: options.name, displayName: options.displayName },
    spec: {
      description: options.description,
      service: options.service,
      indicator: {
        metadata: { name: `${options.service}-http-success` },
        spec: { ratioMetric: { counter: true, good: query(',code!~"5.."'), total: query('') } },
      },
      timeWindow: [options.timeWindow ?? ROLLING_28D],
      budgetingMethod: options.budgetingMethod ?? 'Occurrences',
      objectives: options.objectives,
    },
  };
}

/**
 * identity is healthy; checkout has burned about half its budget and is burning at 2.5x for three days (a ticket
 * alert); payments-api spent its whole budget in an incident nine days ago (the gate blocks); search-api has a
 * Timeslices latency SLO; the rest are quiet, with one calendar-month and one two-objective SLO among them.
 */
const DEMO_SLOS: DemoSlo[] = [
  {
    entityRef: 'component:default/identity',
    definition: ratioSlo({
      name: 'identity-availability',
      displayName: 'Sign-in availability',
      description: 'Sign-in and token requests answered without a server error',
      objectives: [{ displayName: '99.9% of requests succeed', target: 0.999 }],
      service: 'identity',
    }),
    traffic: 1200,
    errorRatio: () => 0.0002,
  },
  {
    entityRef: 'component:default/checkout',
    // The same SLO as examples/slos/checkout.yaml, which discovery reads from the entity's annotation.
    definition: ratioSlo({
      name: 'checkout-availability',
      displayName: 'Checkout availability',
      description: 'Share of checkout requests answered without a server error',
      objectives: [{ displayName: '99.9% of requests succeed', target: 0.999 }],
      service: 'checkout',
    }),
    traffic: 1000,
    errorRatio: age => (age <= 3 * DAY_MS ? 0.0025 : 0.0003),
  },
  {
    entityRef: 'component:default/payments-api',
    definition: ratioSlo({
      name: 'payments-availability',
      displayName: 'Payments availability',
      description: 'Card and wallet payments authorised without a server error',
      objectives: [{ displayName: '99.95% of payments succeed', target: 0.9995 }],
      service: 'payments',
    }),
    traffic: 800,
    errorRatio: age => (age >= 8.5 * DAY_MS && age < 9 * DAY_MS ? 0.03 : 0.0002),
  },
  {
    entityRef: 'component:default/search-api',
    definition: ratioSlo({
      name: 'search-latency',
      displayName: 'Search latency',
      description: 'Five-minute slices in which 95% of searches answer within 300 ms',
      objectives: [
        { displayName: '99% of 5-minute slices fast', target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
      ],
      budgetingMethod: 'Timeslices',
      service: 'search',
    }),
    traffic: 600,
    // About 35 slow slices in 28 days: 175 of the 403 minutes of budget.
    errorRatio: (_age, random) => (random() < 35 / (DEMO_DAYS * 288) ? 0.15 : 0.01),
  },
  {
    entityRef: 'component:default/recommendations',
    definition: ratioSlo({
      name: 'recommendations-availability',
      displayName: 'Recommendations availability',
      description: 'Recommendation requests answered without a server error',
      objectives: [
        { displayName: '99% succeed', target: 0.99 },
        { displayName: '99.5% succeed', target: 0.995 },
      ],
      service: 'recommendations',
    }),
    traffic: 500,
    errorRatio: () => 0.003,
  },
  {
    entityRef: 'component:default/deploy-pipeline',
    definition: ratioSlo({
      name: 'pipeline-success',
      displayName: 'Pipeline success',
      description: 'Pipeline runs that finish without an infrastructure failure',
      objectives: [{ displayName: '95% of runs succeed', target: 0.95 }],
      service: 'deploy-pipeline',
    }),
    traffic: 6,
    errorRatio: () => 0.015,
  },
  {
    // Defined six hours ago with a blip in its first hour: overspent, but with less than the 24 hours of data a
    // status needs, so INSUFFICIENT_DATA and the gate warns instead of blocking.
    entityRef: 'component:default/deploy-pipeline',
    definition: ratioSlo({
      name: 'pipeline-queue-time',
      displayName: 'Runs start promptly',
      description: 'Pipeline runs that start within five minutes of being queued',
      objectives: [{ displayName: '99% start within 5 minutes', target: 0.99 }],
      service: 'deploy-pipeline',
    }),
    traffic: 20,
    errorRatio: ageMs => (ageMs > 5 * HOUR_MS ? 0.2 : 0.002),
    historyMs: 6 * HOUR_MS,
  },
  {
    entityRef: 'component:default/mobile-app',
    definition: ratioSlo({
      name: 'mobile-crash-free',
      displayName: 'Crash-free sessions',
      description: 'App sessions without a crash, per calendar month in Berlin',
      objectives: [{ displayName: '99.5% crash-free', target: 0.995 }],
      timeWindow: {
        duration: '1M',
        isRolling: false,
        calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
      },
      service: 'mobile-app',
    }),
    traffic: 300,
    errorRatio: () => 0.002,
  },
  {
    entityRef: 'component:default/mobile-bff',
    definition: ratioSlo({
      name: 'mobile-bff-availability',
      displayName: 'Mobile BFF availability',
      description: 'Mobile API requests answered without a server error, over a week',
      objectives: [{ displayName: '99.9% succeed', target: 0.999 }],
      timeWindow: { duration: '7d', isRolling: true },
      service: 'mobile-bff',
    }),
    traffic: 900,
    errorRatio: () => 0.0004,
  },
];

/** One sample every five minutes over the last 28 days (or the SLO's history), with noisy traffic around the profile. */
function demoSamples(slo: DemoSlo, sloId: number, now: number, random: () => number): SliSampleRow[] {
  const end = now - (now % STEP_MS);
  const rows: SliSampleRow[] = [];
  for (let ts = end - (slo.historyMs ?? DEMO_DAYS * DAY_MS); ts <= end; ts += STEP_MS) {
    const total = Math.round(slo.traffic * (0.7 + 0.6 * random()));
    const expectedBad = total * slo.errorRatio(end - ts, random) * (0.5 + random());
    const bad = Math.min(total, Math.floor(expectedBad + random()));
    rows.push({ sloId, ts, good: total - bad, total });
  }
  return rows;
}

/** Demo SLOs and 28 days of samples for the example components. */
export async function seedSloDemo(ctx: PulseContext, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const random = seededRandom(20261129);
  for (const slo of DEMO_SLOS) {
    const { slo: record } = await ctx.store.slo.upsertSlo({
      entityRef: slo.entityRef,
      definition: slo.definition,
      source: 'api',
      now: nowMs,
    });
    await ctx.store.slo.writeSamples(demoSamples(slo, record.id, nowMs, random));
  }
}
