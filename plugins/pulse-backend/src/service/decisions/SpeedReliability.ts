import {
  countByQuadrant,
  DEFAULT_SPEED_RELIABILITY_RULE,
  doraSummaryOf,
  doraWindowDescription,
  emptyDoraPeriodStats,
  lowestRemainingBudget,
  placeOnSpeedReliability,
  SpeedReliabilityResponse,
  SpeedReliabilityRule,
  SpeedReliabilityService,
  TeamSatisfaction,
} from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { OnBehalfOf, OwnedEntity, PulseCatalog, refOf } from '../catalog/PulseCatalog';
import { DoraConfig } from '../dora/config';
import { mapInBatches } from '../mapInBatches';
import { entitySloReport } from '../slo/reports';
import { SurveyOverviewService } from '../survey/overview';
import { DecisionsConfig } from './config';

/** Entities whose SLOs are evaluated at once: bounds the queries in flight for an organisation-wide view. */
const SLO_CONCURRENCY = 8;

/** The speed-vs-reliability view: DORA from one SQL aggregate, budgets from the SLO reports, survey beside. */
export class SpeedReliability {
  private readonly rule: SpeedReliabilityRule;

  constructor(
    private readonly store: PulseStore,
    private readonly catalog: PulseCatalog,
    private readonly surveys: SurveyOverviewService,
    config: DecisionsConfig,
    private readonly dora: DoraConfig,
  ) {
    this.rule = { ...DEFAULT_SPEED_RELIABILITY_RULE, budgetRemainingAtLeast: config.portal.caution.remainingBelow };
  }

  /** A team with its child teams, or every team; undefined for an unknown group. */
  async view(
    groupRef: string | undefined,
    days: number,
    nowMs: number,
    onBehalfOf?: OnBehalfOf,
  ): Promise<SpeedReliabilityResponse | undefined> {
    const scope = await this.scope(groupRef, onBehalfOf);
    if (!scope) return undefined;
    const window = { from: nowMs - days * 86_400_000, to: nowMs };
    const entityRefs = scope.entities.map(e => e.entityRef);
    const stats = await this.store.dora.statsByEntity({ ...window, entityRefs, ...this.dora });
    const services = await mapInBatches(scope.entities, SLO_CONCURRENCY, async entity => {
      const summary = doraSummaryOf(stats.get(entity.entityRef) ?? emptyDoraPeriodStats(), window, this.dora.thresholds, this.dora.changeFailureRateDenominator);
      const { deploymentFrequency, leadTimeForChanges, changeFailureRate } = summary.metrics;
      const report = await entitySloReport(this.store, entity.entityRef, nowMs);
      const input = {
        deploymentFrequencyTier: deploymentFrequency.tier,
        leadTimeTier: leadTimeForChanges.tier,
        budgetRemaining: lowestRemainingBudget(report.slos),
        changeFailureRateTier: changeFailureRate.tier,
      };
      const service: SpeedReliabilityService = {
        entityRef: entity.entityRef,
        ...(entity.title ? { title: entity.title } : {}),
        ...(entity.owners[0] ? { ownerRef: entity.owners[0] } : {}),
        ...input,
        deploymentsPerDay: deploymentFrequency.value,
        leadTimeHours: leadTimeForChanges.value,
        changeFailureRatePercent: changeFailureRate.value,
        ...placeOnSpeedReliability(input, this.rule),
      };
      return service;
    });
    return {
      ...(groupRef ? { groupRef } : {}),
      window: doraWindowDescription(window),
      rule: this.rule,
      services,
      counts: countByQuadrant(services),
      satisfaction: await this.satisfaction(scope.teamRefs, nowMs),
    };
  }

  private async scope(
    groupRef: string | undefined,
    onBehalfOf: OnBehalfOf,
  ): Promise<{ entities: OwnedEntity[]; teamRefs: string[] } | undefined> {
    if (groupRef) {
      const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
      if (!tree) return undefined;
      return { entities: await this.catalog.ownedComponents(tree.groupRefs, onBehalfOf), teamRefs: [refOf(tree.group)] };
    }
    const teamRefs = (await this.catalog.teams(onBehalfOf)).map(refOf);
    return { entities: await this.catalog.ownedComponents(teamRefs, onBehalfOf), teamRefs };
  }

  /** The teams' rows of the latest survey round, as the survey's anonymity rules show them. */
  private async satisfaction(teamRefs: string[], nowMs: number): Promise<TeamSatisfaction[]> {
    const overview = await this.surveys.overview(undefined, nowMs);
    if (!overview?.round) return [];
    const roundTitle = overview.round.title;
    const wanted = new Set(teamRefs);
    return overview.teams
      .filter(row => wanted.has(row.ref))
      .map(row => {
        const base = { groupRef: row.ref, ...(row.title ? { title: row.title } : {}), roundTitle };
        return row.hidden
          ? { ...base, hidden: true as const, reason: row.reason }
          : {
              ...base,
              hidden: false as const,
              respondents: row.respondents,
              mean: row.satisfaction?.mean ?? null,
              favorable: row.satisfaction?.favorable ?? null,
            };
      });
  }
}
