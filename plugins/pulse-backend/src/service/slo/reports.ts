import {
  EntitySloReport,
  DEFAULT_SLO_DATA_RULES,
  SLO_BURN_RATE_LOOKBACKS,
  SloBurnRateLookback,
  SloDataRules,
  SloObjectiveDefinition,
  SloReleaseGatePolicy,
  SloReleaseGateResponse,
  SloReport,
  SloSampleSpan,
  decideSloReleaseGate,
  evaluateSloComposite,
  evaluateSloObjective,
  isCompositeSlo,
  sloCompositeWeight,
  sloObjectiveKey,
  sloFixedDurationMillis,
  sloObjectiveStatement,
  sloThresholdOf,
  sloWindowBounds,
  sloWindowReport,
  zoneOffsetSpans,
} from '@pulse/plugin-pulse-common';
import { PulseStore, SloRecord, SloSums, SloTimeSliceRule } from '@pulse/plugin-pulse-node';

const iso = (ms: number) => new Date(ms).toISOString();

/** The time-slice rule of a Timeslices or RatioTimeslices objective, as the store counts slices. */
export function timeSliceOf(record: SloRecord, objective: SloObjectiveDefinition): SloTimeSliceRule | undefined {
  const method = record.definition.spec.budgetingMethod;
  if (method === 'Occurrences' || !objective.timeSliceWindow) return undefined;
  const sliceMs = sloFixedDurationMillis(objective.timeSliceWindow);
  return method === 'RatioTimeslices' ? { sliceMs, ratio: true } : { sliceMs, minGoodRatio: objective.timeSliceTarget ?? 1 };
}

/** The longest burn-rate lookback: the sums read back this far even when the window starts later. */
const LONGEST_LOOKBACK_MS = Math.max(...Object.values(SLO_BURN_RATE_LOOKBACKS));

/**
 * One SLO evaluated at `nowMs`: a handful of indexed range aggregates, shared between objectives that count alike.
 * A composite SLO's objectives each read their own samples (by objective key) and add the composite line.
 */
async function sloReport(store: PulseStore, record: SloRecord, nowMs: number, rules: SloDataRules): Promise<SloReport> {
  const { spec, metadata } = record.definition;
  const composite = isCompositeSlo(record.definition);
  const bounds = sloWindowBounds(spec.timeWindow[0], nowMs);
  const spans = new Map<string, Promise<SloSampleSpan>>();
  const spanOf = (objectiveKey: string) => {
    if (!spans.has(objectiveKey)) spans.set(objectiveKey, store.slo.sums.sampleSpan(record.id, bounds.startMs, nowMs, objectiveKey));
    return spans.get(objectiveKey)!;
  };
  // Days are calendar days of the window's zone: the store is told the zone's offsets over the range it reads.
  const dayOffsets = zoneOffsetSpans(bounds.timeZone, Math.min(bounds.startMs, nowMs - LONGEST_LOOKBACK_MS), nowMs);
  const sumsByRule = new Map<string, Promise<SloSums<SloBurnRateLookback>>>();
  const sumsFor = (objective: SloObjectiveDefinition, objectiveKey: string) => {
    const timeSlice = timeSliceOf(record, objective);
    const threshold = sloThresholdOf(record.definition, objective);
    const key = JSON.stringify([objectiveKey, timeSlice ?? null, threshold ?? null]);
    if (!sumsByRule.has(key)) {
      sumsByRule.set(
        key,
        store.slo.sums.objectiveSums({
          sloId: record.id,
          ...(objectiveKey ? { objective: objectiveKey } : {}),
          windowStartMs: bounds.startMs,
          nowMs,
          lookbacks: SLO_BURN_RATE_LOOKBACKS,
          timeSlice,
          threshold,
          dayOffsets,
        }),
      );
    }
    return sumsByRule.get(key)!;
  };
  const objectives = await Promise.all(
    spec.objectives.map(async (objective, index) => {
      const objectiveKey = sloObjectiveKey(record.definition, index);
      const report = evaluateSloObjective({
        budgetingMethod: spec.budgetingMethod,
        objective,
        statement: sloObjectiveStatement(record.definition, objective),
        bounds,
        nowMs,
        sums: { ...(await sumsFor(objective, objectiveKey)), span: await spanOf(objectiveKey) },
        rules,
      });
      return composite ? { ...report, key: objectiveKey, compositeWeight: sloCompositeWeight(objective) } : report;
    }),
  );
  const compositeReport = composite
    ? evaluateSloComposite({
        windowLengthMs: bounds.lengthMs,
        parts: objectives.map(o => ({
          displayName: o.displayName,
          weight: o.compositeWeight ?? 1,
          remainingFraction: o.errorBudget.remainingFraction,
          burnRates: o.burnRates,
          data: o.data,
          history: o.history,
        })),
      })
    : undefined;
  return {
    name: record.name,
    ...(metadata.displayName ? { displayName: metadata.displayName } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    source: record.source,
    window: sloWindowReport(spec.timeWindow[0], bounds),
    budgetingMethod: spec.budgetingMethod,
    objectives,
    ...(compositeReport ? { composite: compositeReport } : {}),
  };
}

/** The name a composite's line carries in the gate's reasons (`<slo> / composite: ...`). */
export const SLO_COMPOSITE_GATE_NAME = 'composite';

/**
 * Every SLO of an entity evaluated over its current window; no SLOs gives `slos: []`. `rules` say how much data a
 * status needs (`pulse.slo.minimumData`, `pulse.slo.staleAfter`).
 */
export async function entitySloReport(
  store: PulseStore,
  entityRef: string,
  nowMs: number,
  rules: SloDataRules = DEFAULT_SLO_DATA_RULES,
): Promise<EntitySloReport> {
  const records = await store.slo.listSlos(entityRef);
  const slos = await Promise.all(records.map(record => sloReport(store, record, nowMs, rules)));
  return { entityRef, evaluatedAt: iso(nowMs), slos };
}

/** The release-gate decision for an entity's report under a policy. */
export function releaseGateOf(report: EntitySloReport, policy: SloReleaseGatePolicy): SloReleaseGateResponse {
  // Each objective is checked, and a composite SLO's composite as well (its budget burns when any objective burns).
  const objectives = report.slos.flatMap(slo => [
    ...slo.objectives.map(o => ({
      slo: slo.name,
      objective: o.displayName,
      status: o.status,
      remainingFraction: o.errorBudget.remainingFraction,
      alert: o.alert,
      data: o.data,
    })),
    ...(slo.composite
      ? [
          {
            slo: slo.name,
            objective: SLO_COMPOSITE_GATE_NAME,
            status: slo.composite.status,
            remainingFraction: slo.composite.remainingFraction,
            alert: slo.composite.alert,
            data: slo.composite.data,
          },
        ]
      : []),
  ]);
  return {
    entityRef: report.entityRef,
    evaluatedAt: report.evaluatedAt,
    ...decideSloReleaseGate(objectives, policy),
    policy,
  };
}
