import {
  compareDoraSummaries,
  DoraEntityRow,
  DoraEntityScorecard,
  DoraGroupScorecard,
  doraScorecardOf,
  doraSummaryOf,
  doraWindowDescription,
  emptyDoraPeriodStats,
  DoraTeamRanking,
  DoraTeamRow,
} from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { OnBehalfOf, PulseCatalog, refOf, titleOf } from '../catalog/PulseCatalog';
import { DoraConfig } from './config';

type Window = { from: number; to: number };

/** Builds the DORA answers: SQL aggregates from the store, turned into metrics and tiers by pulse-common. */
export class DoraScorecards {
  constructor(
    private readonly store: PulseStore,
    private readonly catalog: PulseCatalog,
    private readonly config: DoraConfig,
  ) {}

  private scope(entityRefs: string[], window: Window) {
    return { ...window, entityRefs, ...this.config };
  }

  async entity(entityRef: string, window: Window): Promise<DoraEntityScorecard> {
    const stats = await this.store.dora.windowStats(this.scope([entityRef], window));
    return { entityRef, ...doraScorecardOf(stats, window, this.config.thresholds, this.config.changeFailureRateDenominator) };
  }

  /** The pooled scorecard of a group and its descendants with one row per owned component; undefined if no group. */
  async group(groupRef: string, window: Window, onBehalfOf?: OnBehalfOf): Promise<DoraGroupScorecard | undefined> {
    const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
    if (!tree) return undefined;
    const owned = await this.catalog.ownedComponents(tree.groupRefs, onBehalfOf);
    const scope = this.scope(
      owned.map(e => e.entityRef),
      window,
    );
    const [pooled, byEntity] = await Promise.all([
      this.store.dora.windowStats(scope),
      this.store.dora.statsByEntity(scope),
    ]);
    const entities: DoraEntityRow[] = owned
      .map(e => ({
        entityRef: e.entityRef,
        ...(e.title ? { title: e.title } : {}),
        ...doraSummaryOf(byEntity.get(e.entityRef) ?? emptyDoraPeriodStats(), window, this.config.thresholds, this.config.changeFailureRateDenominator),
      }))
      .sort((a, b) => compareDoraSummaries(a, b) || a.entityRef.localeCompare(b.entityRef));
    const title = titleOf(tree.group);
    return {
      groupRef: refOf(tree.group),
      ...(title ? { title } : {}),
      groupRefs: tree.groupRefs,
      ...doraScorecardOf(pooled, window, this.config.thresholds, this.config.changeFailureRateDenominator),
      entities,
    };
  }

  /** Every team with its pooled scorecard, best tier first. */
  async teams(window: Window, onBehalfOf?: OnBehalfOf): Promise<DoraTeamRanking> {
    const teams = await this.catalog.teams(onBehalfOf);
    const owned = await this.catalog.ownedComponents(teams.map(refOf), onBehalfOf);
    const rows: DoraTeamRow[] = await Promise.all(
      teams.map(async team => {
        const teamRef = refOf(team);
        const entityRefs = owned.filter(e => e.owners.includes(teamRef)).map(e => e.entityRef);
        const stats = await this.store.dora.windowStats(this.scope(entityRefs, window));
        const { window: _window, ...scorecard } = doraScorecardOf(stats, window, this.config.thresholds, this.config.changeFailureRateDenominator);
        const title = titleOf(team);
        return { groupRef: teamRef, ...(title ? { title } : {}), entityCount: entityRefs.length, ...scorecard };
      }),
    );
    rows.sort((a, b) => compareDoraSummaries(a, b) || a.groupRef.localeCompare(b.groupRef));
    return { window: doraWindowDescription(window), teams: rows };
  }
}
