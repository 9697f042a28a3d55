import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { pulsePlugin } from '../plugin';

/** The knex client of a test database (knex itself is not a dependency of this package). */
export type Knex = Awaited<ReturnType<TestDatabases['init']>>;
export type TestServer = Awaited<ReturnType<typeof startTestBackend>>['server'];
export type PulseTestBackendOptions = {
  entities?: Entity[];
  config?: object;
  features?: Parameters<typeof startTestBackend>[0]['features'];
};

/**
 * The Pulse plugin on a test database, with a mock catalog holding `entities` and `config` as the root config;
 * `features` come last, so they replace the mocks they cover.
 */
export async function startPulseTestBackend(
  knex: Knex,
  options: PulseTestBackendOptions = {},
): Promise<TestServer> {
  const { server } = await startTestBackend({
    features: [
      pulsePlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.features ?? []),
    ],
  });
  return server;
}
