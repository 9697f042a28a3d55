import { TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_SLO_RELEASE_GATE_POLICY } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../service/context';
import { entitySloReport, releaseGateOf } from '../service/slo/reports';
import { seedSloDemo } from './sloDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const now = new Date('2026-11-29T12:00:00Z');
const components = [
  'checkout',
  'payments-api',
  'search-api',
  'recommendations',
  'identity',
  'deploy-pipeline',
  'mobile-app',
  'mobile-bff',
];

describe.each(databases.eachSupportedId())('SLO demo on %p', databaseId => {
  it('seeds a healthy, a burning, an exhausted and a Timeslices SLO', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    await seedSloDemo({ store } as unknown as PulseContext, now);

    const report = (name: string) => entitySloReport(store, `component:default/${name}`, now.getTime());
    const gate = async (name: string) => releaseGateOf(await report(name), DEFAULT_SLO_RELEASE_GATE_POLICY).decision;

    for (const name of components) {
      expect((await report(name)).slos.length).toBeGreaterThan(0);
    }

    const identity = (await report('identity')).slos[0].objectives[0];
    expect(identity.status).toBe('OK');
    expect(identity.errorBudget.remainingFraction).toBeGreaterThan(0.6);
    expect(await gate('identity')).toBe('allow');

    const checkout = await report('checkout');
    expect(checkout.slos[0].name).toBe('checkout-availability');
    const burning = checkout.slos[0].objectives[0];
    expect(burning.alert).toBe('ticket');
    expect(burning.errorBudget.remainingFraction).toBeGreaterThan(0.3);
    expect(burning.errorBudget.remainingFraction).toBeLessThan(0.6);
    expect(burning.history).toHaveLength(29);
    expect(await gate('checkout')).toBe('warn');

    const payments = (await report('payments-api')).slos[0].objectives[0];
    expect(payments.status).toBe('BREACHED');
    expect(payments.errorBudget.remainingFraction).toBeLessThan(0);
    expect(await gate('payments-api')).toBe('block');

    const search = (await report('search-api')).slos[0];
    expect(search.budgetingMethod).toBe('Timeslices');
    expect(search.objectives[0].errorBudget.unit).toBe('minutes');
    expect(search.objectives[0].errorBudget.consumed).toBeGreaterThan(0);
    expect(search.objectives[0].status).toBe('OK');

    // A new SLO six hours old, overspent after a blip: INSUFFICIENT_DATA, and the gate warns instead of blocking.
    const pipeline = await report('deploy-pipeline');
    const young = pipeline.slos.find(s => s.name === 'pipeline-queue-time')!.objectives[0];
    expect(young.status).toBe('INSUFFICIENT_DATA');
    expect(young.data.issues).toEqual(['insufficient data']);
    expect(young.errorBudget.remainingFraction).toBeLessThan(0);
    expect(await gate('deploy-pipeline')).toBe('warn');

    // Every status shows somewhere (WARNING: checkout, burning and below 25% or alerting).
    const statuses = new Set<string>();
    for (const name of components) {
      for (const slo of (await report(name)).slos) slo.objectives.forEach(o => statuses.add(o.status));
    }
    expect([...statuses].sort()).toEqual(['BREACHED', 'INSUFFICIENT_DATA', 'OK', 'WARNING']);

  });
});
