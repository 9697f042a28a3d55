import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PulseStore } from '@pulse/plugin-pulse-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { PulseContext } from '../service/context';
import { seedOncallDemo } from './oncallDemo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** The example catalog, with the relations the catalog would compute for it. */
function exampleEntities(): Entity[] {
  const dir = path.resolve(__dirname, '../../../../examples');
  const entities = ['org.yaml', 'entities.yaml'].flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map(d => d.toJS() as Entity),
  );
  return entities.map(e => {
    const spec = (e.spec ?? {}) as { owner?: string; memberOf?: string[] };
    const relations = [
      ...(spec.owner ? [{ type: 'ownedBy', targetRef: spec.owner.includes(':') ? spec.owner : `group:default/${spec.owner}` }] : []),
      ...(spec.memberOf ?? []).map(g => ({ type: 'memberOf', targetRef: `group:default/${g}` })),
    ];
    return { ...e, metadata: { namespace: 'default', ...e.metadata }, relations };
  });
}

describe('on-call demo data', () => {
  it('fills the card’s default window: payments overloaded at night and unevenly, platform calm', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await PulseStore.fromClient(knex);
    await seedOncallDemo({ store } as unknown as PulseContext, new Date());
    const server = await startPulseTestBackend(knex, { entities: exampleEntities() });
    const health = async (team: string) =>
      (await request(server).get(`/api/pulse/oncall/groups/default/${team}`).set('Authorization', mockCredentials.user.header())).body;

    const payments = await health('payments');
    // checkout 4 and payments-api 1.5 pages a day: about 38 a week, 2.75 per shift, half of them at night.
    expect(payments).toMatchObject({ timeZone: 'Europe/Berlin', reading: 'unhealthy' });
    expect(payments.metrics.pagesPerShift.reading).toBe('unhealthy');
    expect(payments.metrics.nightPagesPerWeek.reading).toBe('unhealthy');
    expect(payments.metrics.fairness.reading).toBe('unhealthy');
    expect(payments.weekly.length).toBeGreaterThanOrEqual(4);

    const platform = await health('platform');
    // identity 0.3 and deploy-pipeline 0.4 a day, mostly in working hours, spread over seven people.
    expect(platform).toMatchObject({ timeZone: 'UTC' });
    expect(platform.pages).toBeGreaterThan(0);
    expect(platform.metrics.pagesPerShift.reading).toBe('healthy');
    expect(platform.metrics.nightPagesPerWeek.reading).toBe('healthy');
  });
});
