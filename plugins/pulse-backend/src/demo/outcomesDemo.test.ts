import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import request from 'supertest';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { outcomeEntities } from '../service/outcomes/__testUtils__/outcomesBackend';
import { seedOutcomesDemo } from './outcomesDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('outcomes demo data', () => {
  it('gives the demo shop one outcome on track (checkout conversion) and one behind (search latency)', async () => {
    const knex = await databases.init('SQLITE_3');
    await seedOutcomesDemo({ store: await PulseStore.fromClient(knex) }, new Date());
    const server = await startPulseTestBackend(knex, { entities: outcomeEntities });
    const read = async (path: string) =>
      (await request(server).get(`/api/pulse/outcomes/entities/component/default/${path}`).set('Authorization', mockCredentials.user.header())).body;

    const [conversion] = (await read('checkout')).outcomes;
    // 2.8% + 0.8 * 70/120 * 1.15 = 3.34% (67% of the way) against about 58% expected, give or take the noise.
    expect(conversion).toMatchObject({ id: 'checkout-conversion', status: 'on-track' });
    expect(conversion.progressPercent).toBeGreaterThan(60);
    // 70 days of values fill at least 10 of the card's 12 weeks (11 when they straddle one more week boundary).
    expect(conversion.customerSignal.weekly.filter((v: number | null) => v !== null).length).toBeGreaterThanOrEqual(10);

    const [searchLatency] = (await read('search-api')).outcomes;
    // 900 ms - 400 * 70/120 * 0.5 = 783 ms: 29% of the way against about 58% expected.
    expect(searchLatency).toMatchObject({ id: 'search-latency', status: 'behind' });
    expect(searchLatency.progressPercent).toBeLessThan(40);
  });
});
