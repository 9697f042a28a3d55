import { lowestRemainingBudget, TeamSloStateResponse, worstSloStatus } from '@pulse/plugin-pulse-common';
import { OnBehalfOf, PulseCatalog, refOf, titleOf } from '../catalog/PulseCatalog';
import { PolicyReleaseGate } from '../decisions/PolicyReleaseGate';
import { mapInBatches } from '../mapInBatches';

/** Services evaluated at once: bounds the queries in flight for a large team. */
const SLO_CONCURRENCY = 8;

/**
 * The SLO state of every component a team (with its child teams) owns, in one request: each row reads through the same
 * evaluation as the service's SLO card (report and gate preview on the same numbers), so the team page and the
 * service page agree. Only reads.
 */
export class TeamSloStates {
  constructor(
    private readonly catalog: PulseCatalog,
    private readonly gate: PolicyReleaseGate,
  ) {}

  /** Undefined for a group the catalog does not know. */
  async of(groupRef: string, nowMs: number, onBehalfOf?: OnBehalfOf): Promise<TeamSloStateResponse | undefined> {
    const tree = await this.catalog.groupTree(groupRef, onBehalfOf);
    if (!tree) return undefined;
    const entities = await this.catalog.ownedComponents(tree.groupRefs, onBehalfOf);
    const services = await mapInBatches(entities, SLO_CONCURRENCY, async entity => {
      const view = await this.gate.view(entity.entityRef, nowMs);
      const objectives = view.slos.flatMap(slo => slo.objectives);
      return {
        entityRef: entity.entityRef,
        ...(entity.title ? { title: entity.title } : {}),
        worstStatus: worstSloStatus(objectives.map(o => o.status)),
        budgetRemaining: lowestRemainingBudget(view.slos),
        decision: view.releaseGate.decision,
        objectives: objectives.length,
      };
    });
    const title = titleOf(tree.group);
    return { groupRef: refOf(tree.group), ...(title ? { title } : {}), services };
  }
}
