import {
  incidentBudgetShare,
  IncidentBudgetSpend,
  isPostmortemRequired,
  sloCoveredMs,
  sloObjectiveDisplayName,
  sloObjectiveKey,
  sloWindowBounds,
} from '@pulse/plugin-pulse-common';
import { IncidentToAssess, PulseStore, SloRecord } from '@pulse/plugin-pulse-node';
import { timeSliceOf } from '../slo/reports';

/**
 * What an incident spent of one objective's budget: the SLI sums between its start and end (now while open) against
 * the budget of the whole window that ends with it (events so far scaled to the window's length), read with the same
 * indexed range sums as the SLO report.
 */
async function spendOf(
  store: PulseStore,
  record: SloRecord,
  incident: IncidentToAssess,
  nowMs: number,
): Promise<IncidentBudgetSpend[]> {
  const endMs = Math.min(incident.resolvedAt ?? nowMs, nowMs);
  const { spec } = record.definition;
  const bounds = sloWindowBounds(spec.timeWindow[0], endMs);
  const spends: IncidentBudgetSpend[] = [];
  for (const [index, objective] of spec.objectives.entries()) {
    // A composite SLO's objectives have samples of their own; other SLOs' objectives share the key ''.
    const key = sloObjectiveKey(record.definition, index);
    const span = await store.slo.sums.sampleSpan(record.id, bounds.startMs, endMs, key);
    const coveredMs = sloCoveredMs(span, endMs);
    const timeSlice = timeSliceOf(record, objective);
    const sums = await store.slo.sums.objectiveSums({
      sloId: record.id,
      ...(key ? { objective: key } : {}),
      windowStartMs: bounds.startMs,
      nowMs: endMs,
      lookbacks: { incident: Math.max(0, endMs - incident.createdAt) },
      timeSlice,
    });
    const share = incidentBudgetShare({
      budgetingMethod: spec.budgetingMethod,
      target: objective.target,
      windowCounts: sums.window,
      windowLengthMs: bounds.lengthMs,
      coveredMs,
      incidentCounts: sums.lookbacks.incident,
      timeSliceMs: timeSlice?.sliceMs,
    });
    if (share !== null) spends.push({ slo: record.name, objective: sloObjectiveDisplayName(objective), share });
  }
  return spends;
}

/**
 * (Re)computes the budget spend of incidents created in [from, to) whose spend is unknown or stale, and flags those
 * above the postmortem threshold. Returns how many incidents were assessed.
 */
export async function assessIncidentBudgets(
  store: PulseStore,
  filter: { from: number; to: number; entityRefs?: string[] },
  options: { postmortemBudgetShare: number; nowMs: number },
): Promise<number> {
  const incidents = await store.decisions.incidents.incidentsToAssess(filter);
  const slosByEntity = new Map<string, Promise<SloRecord[]>>();
  for (const incident of incidents) {
    if (!slosByEntity.has(incident.entityRef)) slosByEntity.set(incident.entityRef, store.slo.listSlos(incident.entityRef));
    const records = await slosByEntity.get(incident.entityRef)!;
    const spends = (
      await Promise.all(records.map(record => spendOf(store, record, incident, options.nowMs)))
    ).flat();
    await store.decisions.incidents.saveAssessment(incident.id, {
      spends,
      postmortemRequired: isPostmortemRequired(
        spends.map(s => s.share),
        options.postmortemBudgetShare,
      ),
      now: options.nowMs,
    });
  }
  return incidents.length;
}
