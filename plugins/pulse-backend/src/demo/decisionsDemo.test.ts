import { TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { testPulseContext } from '../__testUtils__/testPulseContext';
import { createPulseServices } from '../service/services';
import { seedDecisionsDemo } from './decisionsDemo';
import { seedSloDemo } from './sloDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const now = new Date('2026-11-29T12:00:00Z');

describe.each(databases.eachSupportedId())('decisions demo on %p', databaseId => {
  it('seeds major incidents with postmortems done and outstanding and records gate checks', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const ctx = testPulseContext(store);
    await seedSloDemo(ctx, now);
    await seedDecisionsDemo(ctx, createPulseServices(ctx).gate, now);

    const incidents = await store.decisions.incidents.review({
      from: now.getTime() - 90 * 86_400_000,
      to: now.getTime() + 1,
      productionEnvironments: ['production', 'prod'],
      incidentAttributionWindowMs: 86_400_000,
    });
    const required = incidents.filter(i => i.postmortemRequired);
    expect(required.map(i => [i.id, Boolean(i.postmortemUrl)])).toEqual([
      ['identity-major-20d', true],
      ['checkout-major-12d', true],
      ['payments-api-major-6d', false],
      ['checkout-major-3d', false],
    ]);
    expect(required.every(i => (i.budgetShare ?? 0) > 0.2)).toBe(true);

    const checkout = await store.decisions.gateDecisions.list('component:default/checkout', 10);
    expect(checkout.map(d => d.caller)).toEqual([
      'user:default/guest',
      'service:external:ci',
      'service:external:ci',
      'service:external:ci',
    ]);
    const payments = await store.decisions.gateDecisions.list('component:default/payments-api', 10);
    expect(payments[0]).toMatchObject({ decision: 'allow', state: 'freeze', exception: { requested: 'incident-fix', used: true } });
  });
});
