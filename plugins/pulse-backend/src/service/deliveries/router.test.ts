import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { Knex, startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
};

const ingester = mockCredentials.service.header();
const user = mockCredentials.user.header('user:default/platform-engineer');

const deployed = (id: string, service: string, secret?: string) => ({
  context: { version: '0.4.0', id, source: '/ci', type: 'dev.cdevents.service.deployed.0.2.0', timestamp: '2026-01-05T10:00:00Z' },
  subject: { id: service, content: { environment: { id: 'prod' } } },
  ...(secret ? { customData: { token: secret } } : {}),
});

describe.each(databases.eachSupportedId())('deliveries API on %p', databaseId => {
  let knex: Knex;

  const start = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
    startPulseTestBackend(knex, { entities: [payments], features: [mockServices.permissions.factory({ result })] });

  const receive = (server: TestServer, body: object) =>
    request(server).post('/api/pulse/events').set('Authorization', ingester).send(body);

  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  it('lists deliveries newest first, filtered and paginated, without their payload', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    await receive(server, deployed('e1', 'payments', 's3cret-token'));
    await receive(server, deployed('e2', 'ghost'));
    await receive(server, deployed('e3', 'payments'));

    const all = await request(server).get('/api/pulse/deliveries').set('Authorization', user);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.body.items.map((d: any) => [d.externalId, d.status])).toEqual([
      ['/ci#e3', 'processed'],
      ['/ci#e2', 'parked'],
      ['/ci#e1', 'processed'],
    ]);
    expect(JSON.stringify(all.body)).not.toContain('s3cret-token');

    const page = await request(server).get('/api/pulse/deliveries?status=processed&limit=1&offset=1').set('Authorization', user);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.body.items.map((d: any) => d.externalId)).toEqual(['/ci#e1']);

    const byEntity = await request(server).get('/api/pulse/deliveries?entity=ghost&source=cdevents').set('Authorization', user);
    expect(byEntity.body.items.map((d: any) => d.externalId)).toEqual(['/ci#e2']);
    const byRef = await request(server)
      .get('/api/pulse/deliveries?entity=component:default/payments')
      .set('Authorization', user);
    expect(byRef.body.total).toBe(2);

    const bad = await request(server).get('/api/pulse/deliveries?status=lost&limit=500').set('Authorization', user);
    expect(bad.status).toBe(400);
  });

  it('redelivers a stored delivery: processed once, and 404 for none', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const [first] = (await receive(server, deployed('e4', 'payments'))).body.deliveries;
    const retried = await request(server).post(`/api/pulse/deliveries/${first.id}/retry`).set('Authorization', user);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: first.id, status: 'processed', attempts: 0 });
    const [{ n }] = await knex('pulse_deployment').count({ n: '*' });
    expect(Number(n)).toBe(1);

    const missing = await request(server).post('/api/pulse/deliveries/999999/retry').set('Authorization', user);
    expect(missing.status).toBe(404);
  });

  it('refuses users without pulse.deliveries.read / retry with 403, and changes nothing', async () => {
    const server = await start(AuthorizeResult.DENY);
    const [first] = (await receive(server, deployed('e5', 'ghost'))).body.deliveries;
    expect(first.status).toBe('parked');
    const list = await request(server).get('/api/pulse/deliveries').set('Authorization', user);
    const retry = await request(server).post(`/api/pulse/deliveries/${first.id}/retry`).set('Authorization', user);
    expect([list.status, retry.status]).toEqual([403, 403]);
    expect(list.body.error.message).toBe('This needs the pulse.deliveries.read permission');
    expect((await knex('pulse_delivery').where('id', first.id).first()).status).toBe('parked');
  });
});
