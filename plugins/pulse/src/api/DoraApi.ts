import { createApiRef } from '@backstage/core-plugin-api';
import {
  DORA_DAY_MS,
  DoraEntityScorecard,
  DoraGroupScorecard,
  DoraTeamRanking,
} from '@pulse/plugin-pulse-common';
import { entityPath, PulseHttpClient } from './PulseHttpClient';

/** Which window to ask for: the last `days` days up to now. */
export interface DoraWindowOptions {
  days?: number;
}

/** Reads the DORA part of the Pulse API. Components render only what this returns. */
export interface DoraApi {
  getEntityScorecard(
    entity: { kind: string; metadata: { name: string; namespace?: string } },
    options?: DoraWindowOptions,
  ): Promise<DoraEntityScorecard>;
  getGroupScorecard(group: { namespace: string; name: string }, options?: DoraWindowOptions): Promise<DoraGroupScorecard>;
  getTeamRanking(options?: DoraWindowOptions): Promise<DoraTeamRanking>;
}

export const pulseDoraApiRef = createApiRef<DoraApi>({ id: 'plugin.pulse.dora' });

const windowQuery = (options?: DoraWindowOptions) =>
  options?.days ? `?from=${encodeURIComponent(new Date(Date.now() - options.days * DORA_DAY_MS).toISOString())}` : '';

/** The HTTP client of {@link DoraApi}. */
export class DoraClient extends PulseHttpClient implements DoraApi {
  getEntityScorecard(
    entity: { kind: string; metadata: { name: string; namespace?: string } },
    options?: DoraWindowOptions,
  ): Promise<DoraEntityScorecard> {
    return this.request(`/dora${entityPath(entity)}${windowQuery(options)}`);
  }

  getGroupScorecard(group: { namespace: string; name: string }, options?: DoraWindowOptions): Promise<DoraGroupScorecard> {
    const path = [group.namespace, group.name].map(p => encodeURIComponent(p.toLocaleLowerCase('en-US'))).join('/');
    return this.request(`/dora/groups/${path}${windowQuery(options)}`);
  }

  getTeamRanking(options?: DoraWindowOptions): Promise<DoraTeamRanking> {
    return this.request(`/dora/groups${windowQuery(options)}`);
  }
}
