import { createApiRef } from '@backstage/core-plugin-api';
import { OutcomesAnswer, OutcomeTeamSummaries } from '@pulse/plugin-pulse-common';
import { entityPath, PulseHttpClient } from './PulseHttpClient';

type EntityLike = { kind: string; metadata: { name: string; namespace?: string } };

/** Reads the outcomes part of the Pulse API. */
export interface OutcomesApi {
  /** An entity's outcomes, or a team's (its own and its components'), over the last 12 weeks with deployments. */
  getOutcomes(entity: EntityLike): Promise<OutcomesAnswer>;
  /** Each team's "n of m outcomes on track", for the DORA teams table. */
  getTeamSummaries(): Promise<OutcomeTeamSummaries>;
}

export const pulseOutcomesApiRef = createApiRef<OutcomesApi>({ id: 'plugin.pulse.outcomes' });

/** The HTTP client of {@link OutcomesApi}. */
export class OutcomesClient extends PulseHttpClient implements OutcomesApi {
  getOutcomes(entity: EntityLike): Promise<OutcomesAnswer> {
    if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
      const path = [entity.metadata.namespace ?? 'default', entity.metadata.name].map(p => encodeURIComponent(p.toLocaleLowerCase('en-US')));
      return this.request(`/outcomes/groups/${path.join('/')}`);
    }
    return this.request(`/outcomes${entityPath(entity)}`);
  }

  getTeamSummaries(): Promise<OutcomeTeamSummaries> {
    return this.request('/outcomes/groups');
  }
}
