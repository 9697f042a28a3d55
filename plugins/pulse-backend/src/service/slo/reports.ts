import {
  EntitySloReport,
  SLO_BURN_RATE_LOOKBACKS,
  SloBurnRateLookback,
  SloObjectiveDefinition,
  SloReleaseGatePolicy,
  SloReleaseGateResponse,
  SloReport,
  decideSloReleaseGate,
  evaluateSloObjective,
  sloFixedDurationMillis,
  sloWindowBounds,
  sloWindowReport,
} from '@pulse/plugin-pulse-common';
import { PulseStore, SloRecord, SloSums } from '@pulse/plugin-pulse-node';

const iso = (ms: number) => new Date(ms).toISOString();

/** The time-slice rule of a Timeslices objective, as the store counts slices. */
export function timeSliceOf(record: SloRecord, objective: SloObjectiveDefinition) {
  if (record.definition.spec.budgetingMethod !== 'Timeslices' || !objective.timeSliceWindow) return undefined;
  return { sliceMs: sloFixedDurationMillis(objective.timeSliceWindow), minGoodRatio: objective.timeSliceTarget ?? 1 };
}

/** One SLO evaluated at `nowMs`: a handful of indexed range aggregates, shared between objectives that count alike. */
async function sloReport(store: PulseStore, record: SloRecord, nowMs: number): Promise<SloReport> {
  const { spec, metadata } = record.definition;
  const bounds = sloWindowBounds(spec.timeWindow[0], nowMs);
  const sumsByRule = new Map<string, Promise<SloSums<SloBurnRateLookback>>>();
  const sumsFor = (objective: SloObjectiveDefinition) => {
    const timeSlice = timeSliceOf(record, objective);
    const key = JSON.stringify(timeSlice ?? null);
    if (!sumsByRule.has(key)) {
      sumsByRule.set(
        key,
        store.slo.sums.objectiveSums({
          sloId: record.id,
          windowStartMs: bounds.startMs,
          nowMs,
          lookbacks: SLO_BURN_RATE_LOOKBACKS,
          timeSlice,
        }),
      );
    }
    return sumsByRule.get(key)!;
  };
  const objectives = await Promise.all(
    spec.objectives.map(async objective =>
      evaluateSloObjective({
        budgetingMethod: spec.budgetingMethod,
        objective,
        bounds,
        nowMs,
        sums: await sumsFor(objective),
      }),
    ),
  );
  return {
    name: record.name,
    ...(metadata.displayName ? { displayName: metadata.displayName } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    source: record.source,
    window: sloWindowReport(spec.timeWindow[0], bounds),
    budgetingMethod: spec.budgetingMethod,
    objectives,
  };
}

/** Every SLO of an entity evaluated over its current window; no SLOs gives `slos: []`. */
export async function entitySloReport(store: PulseStore, entityRef: string, nowMs: number): Promise<EntitySloReport> {
  const records = await store.slo.listSlos(entityRef);
  const slos = await Promise.all(records.map(record => sloReport(store, record, nowMs)));
  return { entityRef, evaluatedAt: iso(nowMs), slos };
}

/** The release-gate decision for an entity's report under a policy. */
export function releaseGateOf(report: EntitySloReport, policy: SloReleaseGatePolicy): SloReleaseGateResponse {
  const objectives = report.slos.flatMap(slo =>
    slo.objectives.map(o => ({
      slo: slo.name,
      objective: o.displayName,
      status: o.status,
      remainingFraction: o.errorBudget.remainingFraction,
      alert: o.alert,
    })),
  );
  return {
    entityRef: report.entityRef,
    evaluatedAt: report.evaluatedAt,
    ...decideSloReleaseGate(objectives, policy),
    policy,
  };
}
