import { TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from './PulseStore';
jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
describe.each(databases.eachSupportedId())('bench %p', id => {
  it('sums 40k samples per SLO fast', async () => {
    const store = await PulseStore.fromClient(await databases.init(id));
    const now = Date.now();
    const ids: number[] = [];
    for (let s = 0; s < 5; s++) {
      const { slo } = await store.slo.upsertSlo({ entityRef: `component:default/s${s}`, source: 'api', now, definition: { apiVersion: 'openslo/v1', kind: 'SLO', metadata: { name: 'a' }, spec: { indicatorRef: 'x', timeWindow: [{ duration: '28d', isRolling: true }], budgetingMethod: 'Occurrences', objectives: [{ target: 0.99 }] } } });
      ids.push(slo.id);
      const rows = Array.from({ length: 40320 }, (_, i) => ({ sloId: slo.id, ts: now - i * 60000, good: 99, total: 100 }));
      await store.slo.writeSamples(rows);
    }
    const lookbacks = { '5m': 3e5, '30m': 18e5, '1h': 36e5, '6h': 216e5, '1d': 864e5, '3d': 2592e5 };
    for (const timeSlice of [undefined, { sliceMs: 300000, minGoodRatio: 0.95 }]) {
      const t = Date.now();
      for (const sloId of ids) await store.slo.sums.objectiveSums({ sloId, windowStartMs: now - 28 * 864e5, nowMs: now, lookbacks, timeSlice });
      console.log(id, timeSlice ? 'slices' : 'events', (Date.now() - t) / ids.length, 'ms per SLO');
    }
  });
});
