import {
  doraCalendarOf,
  OutcomeMetricDefinition,
  OutcomeMetricKey,
  OutcomeMetricView,
  OutcomesAnswer,
  outcomeLineOf,
  outcomeExpectedPercent,
  outcomeProgressPercent,
  outcomeStatusOf,
  outcomeSummaryOf,
  OutcomeTeamSummaries,
  OutcomeView,
} from '@pulse/plugin-pulse-common';
import { OutcomeRecord, outcomeMetricKey, PulseStore } from '@pulse/plugin-pulse-node';
import { DateTime } from 'luxon';
import { OnBehalfOf, PulseCatalog, refOf } from '../catalog/PulseCatalog';
import { DoraConfig } from '../dora/config';

type Latest = Map<string, { value: number; atMs: number }>;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The answers of the outcomes API: each outcome's latest value, progress and status (pulse-common's math), its weekly
 * means and the owner's weekly deployments (SQL aggregates from the store) on one time axis.
 */
export class OutcomeReadings {
  constructor(
    private readonly store: PulseStore,
    private readonly catalog: PulseCatalog,
    private readonly dora: DoraConfig,
  ) {}

  /**
   * The last `weeks` ISO weeks of the DORA time zone up to now (this week so far included): the DORA calendar's
   * weeks, so that the deployments per week are the DORA trend's.
   */
  private window(weeks: number, nowMs: number) {
    const thisWeek = DateTime.fromMillis(nowMs, { zone: this.dora.timeZone }).startOf('week');
    const window = { from: thisWeek.minus({ weeks: weeks - 1 }).toMillis(), to: nowMs };
    return { window, weeks: doraCalendarOf(window, this.dora.timeZone).weeks };
  }

  /** An entity's outcomes, beside its deployments. */
  async entity(entityRef: string, weeks: number, nowMs: number): Promise<OutcomesAnswer> {
    return this.answer(entityRef, [entityRef], [entityRef], weeks, nowMs);
  }

  /**
   * A team's outcomes: its own (and its child teams') and those of the components it owns, beside the deployments of
   * those components; undefined for a group the catalog does not show the caller.
   */
  async group(groupRef: string, weeks: number, nowMs: number, onBehalfOf?: OnBehalfOf): Promise<OutcomesAnswer | undefined> {
    const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
    if (!tree) return undefined;
    const owned = (await this.catalog.ownedComponents(tree.groupRefs, onBehalfOf)).map(e => e.entityRef);
    return this.answer(refOf(tree.group), [...tree.groupRefs, ...owned], owned, weeks, nowMs);
  }

  /** Each team's summary (its own outcomes and its components'), for the DORA teams table. */
  async teams(nowMs: number, onBehalfOf?: OnBehalfOf): Promise<OutcomeTeamSummaries> {
    const teams = (await this.catalog.teams(onBehalfOf)).map(refOf);
    const owned = await this.catalog.ownedComponents(teams, onBehalfOf);
    const outcomes = await this.store.outcomes.listOutcomes([...teams, ...owned.map(e => e.entityRef)]);
    const latest = await this.store.outcomes.latestValues([...new Set(outcomes.map(o => o.ownerRef))], nowMs + 1);
    const statusOf = (o: OutcomeRecord) =>
      outcomeStatusOf(outcomeLineOf(o.document.spec.keyResult), latest.get(outcomeMetricKey(o.ownerRef, o.id, 'keyResult')));
    return {
      teams: teams.sort().map(groupRef => {
        const owners = new Set([groupRef, ...owned.filter(e => e.owners.includes(groupRef)).map(e => e.entityRef)]);
        return { groupRef, ...outcomeSummaryOf(outcomes.filter(o => owners.has(o.ownerRef)).map(statusOf)) };
      }),
    };
  }

  private async answer(
    ownerRef: string,
    outcomeOwners: string[],
    deploymentEntities: string[],
    weekCount: number,
    nowMs: number,
  ): Promise<OutcomesAnswer> {
    const { window, weeks } = this.window(weekCount, nowMs);
    const outcomes = await this.store.outcomes.listOutcomes(outcomeOwners);
    const owners = [...new Set(outcomes.map(o => o.ownerRef))];
    const [series, latest, dora] = await Promise.all([
      this.store.outcomes.weeklyMeans(owners, weeks),
      this.store.outcomes.latestValues(owners, nowMs + 1),
      this.store.dora.windowStats({ ...window, entityRefs: deploymentEntities, ...this.dora }),
    ]);
    const deployments = new Map(dora.weeks.map(w => [w.period.start, w.stats.deployments]));
    const views = outcomes.map(o => viewOf(o, weeks.length, series, latest));
    return {
      ownerRef,
      window: { from: iso(window.from), to: iso(window.to) },
      weeks: weeks.map(w => ({ start: iso(w.start), end: iso(w.end), deployments: deployments.get(w.start) ?? 0 })),
      outcomes: views,
      summary: outcomeSummaryOf(views.map(v => v.status)),
    };
  }
}

function metricView(
  outcome: OutcomeRecord,
  key: OutcomeMetricKey,
  definition: OutcomeMetricDefinition,
  weekCount: number,
  series: Map<string, Array<number | null>>,
  latest: Latest,
): OutcomeMetricView {
  const { prometheus, ...rest } = definition;
  const current = latest.get(outcomeMetricKey(outcome.ownerRef, outcome.id, key));
  return {
    ...rest,
    source: prometheus ? 'prometheus' : 'push',
    current: current ? { value: current.value, at: iso(current.atMs) } : null,
    weekly: series.get(outcomeMetricKey(outcome.ownerRef, outcome.id, key)) ?? Array(weekCount).fill(null),
  };
}

function viewOf(outcome: OutcomeRecord, weekCount: number, series: Map<string, Array<number | null>>, latest: Latest): OutcomeView {
  const { spec } = outcome.document;
  const line = outcomeLineOf(spec.keyResult);
  const current = latest.get(outcomeMetricKey(outcome.ownerRef, outcome.id, 'keyResult'));
  const keyResult = metricView(outcome, 'keyResult', spec.keyResult, weekCount, series, latest);
  return {
    ownerRef: outcome.ownerRef,
    id: outcome.id,
    title: spec.title,
    objective: spec.objective,
    documentSource: outcome.source,
    keyResult: {
      ...keyResult,
      baseline: spec.keyResult.baseline,
      target: spec.keyResult.target,
      start: spec.keyResult.start,
      due: spec.keyResult.due,
    },
    customerSignal: metricView(outcome, 'customerSignal', spec.customerSignal, weekCount, series, latest),
    progressPercent: outcomeProgressPercent(line, current?.value),
    expectedPercent: current ? outcomeExpectedPercent(line, current.atMs) : null,
    status: outcomeStatusOf(line, current),
  };
}
