import { TestDatabases } from '@backstage/backend-test-utils';
import { doraScorecardOf } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { testPulseContext } from '../__testUtils__/testPulseContext';
import { seedDoraDemo } from './doraDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('seedDoraDemo on %p', databaseId => {
  it('seeds 90 days deterministically, spanning every tier', async () => {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);
    const ctx = testPulseContext(store);
    const now = new Date('2026-03-01T00:00:00Z');
    await seedDoraDemo(ctx, now);

    const rules = ctx.pulseConfig.dora;
    const window = { from: now.getTime() - 90 * 86_400_000, to: now.getTime() };
    const metricTiers: Record<string, Set<string | null>> = {};
    const tierOf = async (name: string) => {
      const card = doraScorecardOf(
        await store.dora.windowStats({ ...rules, ...window, entityRefs: [`component:default/${name}`] }),
        window,
      );
      for (const [metric, { tier }] of Object.entries(card.metrics)) (metricTiers[metric] ??= new Set()).add(tier);
      return card.tier;
    };
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
    // Deployment frequency, lead time and recovery time show every tier on some service.
    for (const metric of ['deploymentFrequency', 'leadTimeForChanges', 'failedDeploymentRecoveryTime']) {
      expect([...metricTiers[metric]].filter(Boolean).sort()).toEqual(['elite', 'high', 'low', 'medium']);
    }
  });
});
