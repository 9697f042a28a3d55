import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { doraScorecardOf } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../service/context';
import { readDoraConfig } from '../service/dora/config';
import { seedDoraDemo } from './doraDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('seedDoraDemo on %p', databaseId => {
  it('seeds 90 days quickly, deterministically, spanning at least three tiers', async () => {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);
    const config = mockServices.rootConfig({ data: {} });
    const now = new Date('2026-03-01T00:00:00Z');

    const started = Date.now();
    await seedDoraDemo({ store, config } as unknown as PulseContext, now);
    expect(Date.now() - started).toBeLessThan(5000);

    const rules = readDoraConfig(config);
    const window = { from: now.getTime() - 90 * 86_400_000, to: now.getTime() };
    const tierOf = async (name: string) =>
      doraScorecardOf(
        await store.dora.windowStats({ ...rules, ...window, entityRefs: [`component:default/${name}`] }),
        window,
      ).tier;
    expect(
      Object.fromEntries(
        await Promise.all(
          ['identity', 'deploy-pipeline', 'checkout', 'payments-api', 'search-api', 'recommendations', 'mobile-bff', 'mobile-app'].map(
            async name => [name, await tierOf(name)],
          ),
        ),
      ),
    ).toEqual({
      identity: 'elite',
      'deploy-pipeline': 'elite',
      checkout: 'high',
      'payments-api': 'high',
      'search-api': 'medium',
      recommendations: 'medium',
      'mobile-bff': 'high',
      'mobile-app': 'low',
    });
  });
});
