import {
  IncidentReviewResponse,
  incidentReviewMonth,
  incidentReviewSummary,
  OutstandingPostmortemsResponse,
  reviewedIncidentOf,
} from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { DoraCatalog } from '../dora/DoraCatalog';
import { DoraConfig } from '../dora/config';
import { DecisionsConfig } from './config';
import { assessIncidentBudgets } from './incidentBudgets';

const iso = (ms: number) => new Date(ms).toISOString();

/** The monthly incident review and the outstanding postmortems, with budget spend brought up to date first. */
export class IncidentReviews {
  constructor(
    private readonly store: PulseStore,
    private readonly catalog: DoraCatalog,
    private readonly config: DecisionsConfig,
    private readonly dora: DoraConfig,
  ) {}

  private get rules() {
    return {
      productionEnvironments: this.dora.productionEnvironments,
      incidentAttributionWindowMs: this.dora.incidentAttributionWindowMs,
    };
  }

  /** A team's (with its child teams) or, without a group, the organisation's month; undefined for an unknown group. */
  async review(month: string, groupRef: string | undefined, nowMs: number): Promise<IncidentReviewResponse | undefined> {
    const bounds = incidentReviewMonth(month)!;
    let entityRefs: string[] | undefined;
    if (groupRef) {
      const tree = await this.catalog.groupTree(groupRef);
      if (!tree) return undefined;
      entityRefs = (await this.catalog.ownedComponents(tree.groupRefs)).map(e => e.entityRef);
    }
    const window = { from: bounds.fromMs, to: bounds.toMs };
    await assessIncidentBudgets(this.store, { ...window, entityRefs }, this.assessment(nowMs));
    const rows = await this.store.decisions.incidents.review({ ...window, entityRefs, ...this.rules });
    const incidents = rows.map(row => reviewedIncidentOf(row, nowMs));
    return {
      month,
      from: iso(bounds.fromMs),
      to: iso(bounds.toMs),
      ...(groupRef ? { groupRef } : {}),
      postmortemThreshold: this.config.postmortemBudgetShare,
      summary: incidentReviewSummary(incidents),
      incidents,
    };
  }

  /** An entity's required postmortems without a link, after assessing its recent incidents. */
  async outstanding(entityRef: string, nowMs: number): Promise<OutstandingPostmortemsResponse> {
    await assessIncidentBudgets(
      this.store,
      { from: nowMs - this.config.incidentLookbackDays * 86_400_000, to: nowMs + 1, entityRefs: [entityRef] },
      this.assessment(nowMs),
    );
    const rows = await this.store.decisions.incidents.outstanding(entityRef, this.rules);
    return { entityRef, items: rows.map(row => reviewedIncidentOf(row, nowMs)) };
  }

  private assessment(nowMs: number) {
    return { postmortemBudgetShare: this.config.postmortemBudgetShare, nowMs };
  }
}
