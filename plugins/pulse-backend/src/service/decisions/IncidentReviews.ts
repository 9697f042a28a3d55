import {
  IncidentReview,
  incidentReviewMonth,
  incidentReviewSummary,
  OutstandingPostmortemsResponse,
  reviewedIncidentOf,
} from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { OnBehalfOf, PulseCatalog } from '../catalog/PulseCatalog';
import { DoraConfig } from '../dora/config';
import { DecisionsConfig } from './config';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The monthly incident review and the outstanding postmortems. Reads only: the budget each incident spent is assessed
 * and stored by the `pulse-decisions-transitions` job, so reading a review never changes one.
 */
export class IncidentReviews {
  constructor(
    private readonly store: PulseStore,
    private readonly catalog: PulseCatalog,
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
  async review(
    month: string,
    groupRef: string | undefined,
    nowMs: number,
    onBehalfOf?: OnBehalfOf,
  ): Promise<IncidentReview | undefined> {
    const bounds = incidentReviewMonth(month)!;
    let entityRefs: string[] | undefined;
    if (groupRef) {
      const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
      if (!tree) return undefined;
      entityRefs = (await this.catalog.ownedComponents(tree.groupRefs, onBehalfOf)).map(e => e.entityRef);
    }
    const window = { from: bounds.fromMs, to: bounds.toMs };
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

  /** An entity's required postmortems without a link, as the job last assessed them. */
  async outstanding(entityRef: string, nowMs: number): Promise<Omit<OutstandingPostmortemsResponse, 'canEdit'>> {
    const rows = await this.store.decisions.incidents.outstanding(entityRef, this.rules);
    return { entityRef, items: rows.map(row => reviewedIncidentOf(row, nowMs)) };
  }
}
