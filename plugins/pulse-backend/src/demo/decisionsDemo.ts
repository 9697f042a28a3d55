import { sloCoveredMs, sloWindowBounds, wholeWindowErrorBudget } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../service/context';
import { assessIncidentBudgets } from '../service/decisions/incidentBudgets';
import { PolicyReleaseGate } from '../service/decisions/PolicyReleaseGate';

const MIN = 60_000;
const DAY = 86_400_000;
const CI_CALLER = 'service:external:ci';

/** What the owners wrote down after the reviewed incidents (the review page and its exports show it). */
const DEMO_LEARNINGS: Record<string, string> = {
  checkout:
    'The card provider slowed down and our 30 s timeout held every worker.\nTimeouts now follow the provider SLA (5 s) ' +
    'and the checkout SLO pages on a 14x burn.',
  identity: 'A clock skew made every token look expired. Refresh now backs off, and NTP drift has an alert.',
};

/** Incidents big enough to need a postmortem: when, how long, what share of the budget they burn, whether linked. */
const MAJOR_INCIDENTS = [
  { entity: 'checkout', daysAgo: 12, minutes: 60, share: 0.3, postmortem: true, description: 'Card authorisations timing out' },
  { entity: 'checkout', daysAgo: 3, minutes: 45, share: 0.25, postmortem: false, description: 'Basket service 500s after deploy' },
  { entity: 'payments-api', daysAgo: 6, minutes: 90, share: 0.4, postmortem: false, description: 'Ledger writes failing' },
  { entity: 'identity', daysAgo: 20, minutes: 30, share: 0.22, postmortem: true, description: 'Token refresh loop' },
];

/**
 * Writes one major incident and the failed requests it caused into the entity's first Occurrences SLO: enough bad
 * events, spread over the incident, to spend `share` of the budget of the window the incident ends in.
 */
async function seedMajorIncident(
  ctx: PulseContext,
  incident: (typeof MAJOR_INCIDENTS)[number],
  nowMs: number,
): Promise<{ id: string; entity: string } | undefined> {
  const entityRef = `component:default/${incident.entity}`;
  const slo = (await ctx.store.slo.listSlos(entityRef)).find(s => s.definition.spec.budgetingMethod === 'Occurrences');
  if (!slo) return undefined;
  const startMs = nowMs - incident.daysAgo * DAY;
  const endMs = startMs + incident.minutes * MIN;
  const bounds = sloWindowBounds(slo.definition.spec.timeWindow[0], endMs);
  const sums = await ctx.store.slo.sums.objectiveSums({ sloId: slo.id, windowStartMs: bounds.startMs, nowMs: endMs, lookbacks: {} });
  const target = Math.max(...slo.definition.spec.objectives.map(o => o.target));
  // Shares are measured against the whole window's budget: the events so far scaled to the window's length.
  const span = await ctx.store.slo.sums.sampleSpan(slo.id, bounds.startMs, endMs);
  const budget = wholeWindowErrorBudget({
    budgetingMethod: 'Occurrences',
    target,
    windowCounts: sums.window,
    windowLengthMs: bounds.lengthMs,
    coveredMs: sloCoveredMs(span, endMs),
  });
  const bad = Math.ceil(incident.share * (budget ?? 0) * 1.05);
  const slices = incident.minutes / 5;
  await ctx.store.slo.writeSamples(
    Array.from({ length: slices }, (_, k) => ({
      sloId: slo.id,
      ts: startMs + k * 5 * MIN + 1_000,
      good: 0,
      total: Math.ceil(bad / slices),
    })),
  );
  const id = `${incident.entity}-major-${incident.daysAgo}d`;
  await ctx.store.dora.ingest(
    { incidents: [{ id, entityRef, createdAt: startMs, resolvedAt: endMs, environment: 'production', description: incident.description }] },
    ctx.pulseConfig.dora,
  );
  return incident.postmortem ? { id, entity: incident.entity } : undefined;
}

/**
 * Decisions over the SLO and DORA demo data: a few major incidents (postmortems done and outstanding), every incident
 * of the last 90 days assessed against its SLOs' budgets, and a week of release-gate checks by CI per entity with
 * SLOs, the last one under the incident-fix exception.
 */
export async function seedDecisionsDemo(ctx: PulseContext, gate: PolicyReleaseGate, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const config = ctx.pulseConfig.decisions;

  const linked: Array<{ id: string; entity: string }> = [];
  for (const incident of MAJOR_INCIDENTS) {
    const seeded = await seedMajorIncident(ctx, incident, nowMs);
    if (seeded) linked.push(seeded);
  }
  await assessIncidentBudgets(
    ctx.store,
    { from: nowMs - 90 * DAY, to: nowMs + 1 },
    { postmortemBudgetShare: config.postmortemBudgetShare, nowMs },
  );
  for (const { id, entity } of linked) {
    await ctx.store.decisions.incidents.updateFollowUp(id, {
      postmortemUrl: `https://wiki.example.com/postmortems/${id}`,
      learnings: { text: DEMO_LEARNINGS[entity], updatedBy: 'user:default/guest', updatedAt: nowMs - DAY },
    });
  }

  for (const entityRef of await ctx.store.decisions.policyStates.entitiesWithSlos()) {
    for (const daysAgo of [6, 4, 2]) {
      await gate.check(entityRef, { caller: CI_CALLER, nowMs: nowMs - daysAgo * DAY });
    }
    await gate.check(entityRef, { caller: 'user:default/guest', reason: 'incident-fix', nowMs: nowMs - DAY });
  }
}
