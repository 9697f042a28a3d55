import { DORA_DAY_MS } from '@pulse/plugin-pulse-common';
import {
  DoraChangeRecord,
  DoraDeploymentRecord,
  DoraEventBatch,
  DoraIncidentRecord,
} from '@pulse/plugin-pulse-node';
import { PulseContext } from '../service/context';
import { seededRandom } from './seededRandom';

const HOUR_MS = 3_600_000;
const DEMO_DAYS = 90;

/** How one demo service delivers; the four profiles land in four different tiers. */
interface DeliveryProfile {
  /** Chance of deploying on a given weekday (weekends are quiet). */
  deployChance: number;
  /** Deploy on exactly these days of the 90 instead (a service that ships rarely). */
  fixedDays?: number[];
  /** Typical hours from first commit to production. */
  leadTimeHours: number;
  /** Chance that a deployment fails outright, and that a successful one causes an incident. */
  failureChance: number;
  incidentChance: number;
  /** Typical hours to resolve an incident. */
  recoveryHours: number;
}

const ELITE: DeliveryProfile = { deployChance: 0.95, leadTimeHours: 5, failureChance: 0.02, incidentChance: 0.03, recoveryHours: 0.6 };
const HIGH: DeliveryProfile = { deployChance: 0.5, leadTimeHours: 60, failureChance: 0.04, incidentChance: 0.07, recoveryHours: 5 };
/** Every 15 days: under one deploy day in most calendar weeks, two in every month. */
const MEDIUM: DeliveryProfile = {
  deployChance: 0,
  fixedDays: [5, 20, 35, 50, 65, 80],
  leadTimeHours: 300,
  failureChance: 0.1,
  incidentChance: 0.1,
  recoveryHours: 40,
};
/** One day in 90: a deployment that fails, and its fix, which causes an incident. */
const LOW: DeliveryProfile = { deployChance: 0, fixedDays: [50], leadTimeHours: 1100, failureChance: 1, incidentChance: 1, recoveryHours: 400 };

const PROFILES: Record<string, DeliveryProfile> = {
  'component:default/identity': ELITE,
  'component:default/deploy-pipeline': ELITE,
  'component:default/checkout': HIGH,
  'component:default/payments-api': HIGH,
  'component:default/search-api': MEDIUM,
  'component:default/recommendations': MEDIUM,
  'component:default/mobile-bff': HIGH,
  'component:default/mobile-app': LOW,
};

/** A typical value spread between half and twice itself, skewed like real durations. */
const around = (random: () => number, typical: number) => typical * Math.pow(2, random() * 2 - 1);

/** 90 days of deployments, changes and incidents of one service. */
function deliveryHistory(entityRef: string, profile: DeliveryProfile, now: number, random: () => number): DoraEventBatch {
  const name = entityRef.split('/')[1];
  const deployments: DoraDeploymentRecord[] = [];
  const changes: DoraChangeRecord[] = [];
  const incidents: DoraIncidentRecord[] = [];
  const start = now - DEMO_DAYS * DORA_DAY_MS;

  /** A production deployment (after the same commits went through staging, which the metrics ignore). */
  const deploy = (finishedAt: number, failed: boolean, commits: string[], rework: boolean) => {
    const id = `${name}-${deployments.filter(d => d.environment === 'production').length + 1}`;
    const production: DoraDeploymentRecord = {
      id,
      entityRef,
      environment: 'production',
      startedAt: Math.round(finishedAt - (5 + random() * 20) * 60_000),
      finishedAt,
      status: failed ? 'failure' : 'success',
      commits,
      rework,
    };
    deployments.push(production, {
      ...production,
      id: `${id}-staging`,
      environment: 'staging',
      finishedAt: finishedAt - HOUR_MS,
      startedAt: finishedAt - 2 * HOUR_MS,
      status: 'success',
      rework: false,
    });
    if (!failed && random() < profile.incidentChance) {
      const createdAt = Math.round(finishedAt + (0.5 + random() * 6) * HOUR_MS);
      const resolvedAt = Math.round(createdAt + around(random, profile.recoveryHours) * HOUR_MS);
      incidents.push({
        id: `${id}-incident`,
        entityRef,
        createdAt,
        ...(resolvedAt < now ? { resolvedAt } : {}),
        // Half the incidents name their deployment; the rest are attributed by time.
        ...(incidents.length % 2 === 0 ? { deploymentId: id } : {}),
        description: `Error rate above threshold after ${id}`,
      });
    }
  };

  for (let day = 0; day < DEMO_DAYS; day++) {
    const dayStart = start + day * DORA_DAY_MS;
    const weekday = new Date(dayStart).getUTCDay() % 6 !== 0;
    const deploys = profile.fixedDays ? profile.fixedDays.includes(day) : weekday && random() < profile.deployChance;
    if (!deploys) continue;

    const finishedAt = Math.round(Math.min(now - 3 * HOUR_MS, dayStart + (9 + random() * 6) * HOUR_MS));
    const failed = random() < profile.failureChance;
    const number = deployments.length / 2 + 1;
    const commits = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => `${name}-${number}-c${i + 1}`);
    for (const sha of commits) {
      changes.push({ id: sha, entityRef, createdAt: Math.round(finishedAt - around(random, profile.leadTimeHours) * HOUR_MS) });
    }
    deploy(finishedAt, failed, commits, false);
    // A failed deployment is fixed and the same changes redeployed two hours later: unplanned work (rework).
    if (failed) deploy(finishedAt + 2 * HOUR_MS, false, commits, true);
  }
  return { deployments, changes, incidents };
}

/** Demo delivery data for the example components, spanning the elite, high, medium and low tiers. */
export async function seedDoraDemo(ctx: PulseContext, now: Date): Promise<void> {
  const rules = ctx.pulseConfig.dora;
  let seed = 0;
  for (const [entityRef, profile] of Object.entries(PROFILES)) {
    // One seed per service, so each history stays the same when another profile changes.
    const random = seededRandom(++seed);
    await ctx.store.dora.ingest(deliveryHistory(entityRef, profile, now.getTime(), random), rules);
  }
}
