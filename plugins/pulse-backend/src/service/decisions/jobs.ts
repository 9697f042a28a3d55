import { PulseContext } from '../context';
import { scheduleGlobalTask } from '../scheduleGlobalJob';
import { PulseServices } from '../services';
import { assessIncidentBudgets } from './incidentBudgets';

/**
 * Once across replicas: evaluates every entity with SLOs under its policy, records its policy state (so a freeze or a
 * page alert is noticed and notified even when no release asks), and assesses recent incidents' budget spend. The only
 * place that writes either: reads compute, this job observes.
 */
export async function scheduleDecisionJobs(ctx: PulseContext, { gate }: Pick<PulseServices, 'gate'>): Promise<void> {
  const config = ctx.pulseConfig.decisions;

  await scheduleGlobalTask(ctx, 'pulse-decisions-transitions', config.schedule, async () => {
    const nowMs = Date.now();
    const entityRefs = await ctx.store.decisions.policyStates.entitiesWithSlos();
    const ownerRefs = await ctx.pulseCatalog.owningGroups(entityRefs);
    let frozen = 0;
    for (const entityRef of entityRefs) {
      const answer = await gate.observe(entityRef, { nowMs, ownerRef: ownerRefs.get(entityRef)?.[0] ?? null });
      if (answer.state === 'freeze') frozen++;
    }
    const assessed = await assessIncidentBudgets(
      ctx.store,
      { from: nowMs - config.incidentLookbackDays * 86_400_000, to: nowMs + 1 },
      { postmortemBudgetShare: config.postmortemBudgetShare, nowMs },
    );
    return `${entityRefs.length} entities evaluated, ${frozen} in freeze; ${assessed} incident(s) assessed`;
  });
}
