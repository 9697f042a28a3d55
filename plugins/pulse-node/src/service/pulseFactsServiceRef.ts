import {
  AuthService,
  coreServices,
  createServiceFactory,
  createServiceRef,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { PulseEntityFacts } from '@pulse/plugin-pulse-common';

/** An entity as the catalog names it. */
export interface PulseEntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Pulse's per-entity facts for other plugins (Tech Insights): read through the Pulse API with the calling plugin's
 * own service credentials, never from Pulse's tables, so every rule of the API (anonymity of surveys) holds.
 *
 * @public
 */
export interface PulseFactsService {
  entityFacts(entity: PulseEntityName): Promise<PulseEntityFacts>;
}

/** The Pulse API client behind {@link pulseFactsServiceRef}. */
export class PulseFactsClient implements PulseFactsService {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async entityFacts({ kind, namespace, name }: PulseEntityName): Promise<PulseEntityFacts> {
    const [baseUrl, { token }] = await Promise.all([
      this.discovery.getBaseUrl('pulse'),
      this.auth.getPluginRequestToken({ onBehalfOf: await this.auth.getOwnServiceCredentials(), targetPluginId: 'pulse' }),
    ]);
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await fetch(`${baseUrl}/facts/entities/${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as PulseEntityFacts;
  }
}

/**
 * Pulse's facts for the plugin that asks (for example the Tech Insights module).
 *
 * @public
 */
export const pulseFactsServiceRef = createServiceRef<PulseFactsService>({
  id: 'pulse.facts',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) => new PulseFactsClient(discovery, auth),
    }),
});
