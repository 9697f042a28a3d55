import { PulseContext } from '../context';
import { scheduleGlobalTask } from '../scheduleGlobalJob';
import { readDecisionsConfig } from './config';
import { EntityOwners } from './EntityOwners';
import { assessIncidentBudgets } from './incidentBudgets';
import { PolicyReleaseGate } from './PolicyReleaseGate';

/**
 * Once across replicas: evaluates every entity with SLOs under its policy (so a freeze or a page alert is noticed
 * and notified even when no release asks), and brings recent incidents' budget spend up to date.
 */
export async function scheduleDecisionJobs(ctx: PulseContext): Promise<void> {
  const config = readDecisionsConfig(ctx.config);
  const gate = new PolicyReleaseGate(ctx, config);
  const owners = new EntityOwners(ctx);

  await scheduleGlobalTask(ctx, 'pulse-decisions-transitions', config.schedule, async () => {
    const nowMs = Date.now();
    const entityRefs = await ctx.store.decisions.policyStates.entitiesWithSlos();
    const ownerRefs = await owners.ownersOf(entityRefs);
    let frozen = 0;
    for (const entityRef of entityRefs) {
      const answer = await gate.evaluate(entityRef, { nowMs, ownerRef: ownerRefs.get(entityRef) ?? null });
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
