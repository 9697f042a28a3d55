import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { concretePath, pulseRoutes, PulseRoute, routeKey as key } from './__testUtils__/pulseRoutes';
import { ACCESS } from './__testUtils__/routeAccess';
import { asUser, ingester, Knex, pulseRowCounts, startTrustBackend, TestServer } from './__testUtils__/trustBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('authentication and authorization on %p', databaseId => {
  let knex: Knex;
  let routes: PulseRoute[];
  let server: TestServer;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    routes = await pulseRoutes(knex);
    // No default caller (a request without a header is anonymous) and a policy that denies pulse.survey.manage.
    server = await startTrustBackend(knex, {
      features: [
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    await request(server).get('/api/pulse/surveys/templates').set('Authorization', asUser('ada'));
    // Incident '1' of checkout, so that the postmortem route reaches its owner check.
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set('Authorization', ingester)
      .send({ items: [{ id: '1', entityRef: 'component:default/checkout', createdAt: new Date().toISOString() }] })
      .expect(200);
  });

  const call = (route: PulseRoute, authorization?: string) => {
    const req = (request(server) as any)[route.method](concretePath(route.path));
    return authorization ? req.set('Authorization', authorization) : req;
  };
  const routesWith = (...levels: string[]) => routes.filter(r => levels.includes(ACCESS[key(r)]));

  it('knows the access level of every route the plugin registers', () => {
    const registered = routes.map(key);
    expect(registered.filter(k => !ACCESS[k])).toEqual([]);
    // Webhooks exist only when a module registers one.
    expect(Object.keys(ACCESS).filter(k => ACCESS[k] !== 'signed' && !registered.includes(k))).toEqual([]);
  });

  it('answers 401 to a request without credentials on every route but /health (and signed webhooks)', async () => {
    for (const route of routes.filter(r => ACCESS[key(r)] !== 'signed')) {
      const res = await call(route);
      expect({ route: key(route), status: res.status }).toEqual({
        route: key(route),
        status: ACCESS[key(route)] === 'open' ? 200 : 401,
      });
    }
  });

  it('answers 401 to a request with a malformed token', async () => {
    const res = await request(server).get('/api/pulse/dora/groups').set('Authorization', 'Bearer not-a-token');
    expect(res.status).toBe(401);
  });

  it('refuses users on ingestion, services on answering, and strangers and unlisted services on every write with 403', async () => {
    const before = await pulseRowCounts(knex);
    // ada is a member of payments in the catalog, but the identity (userInfo) gives her no group and the permission
    // policy denies every management permission: a stranger. The test token's service is listed nowhere.
    const refusals = [
      ...routesWith('ingester', 'manager', 'owner', 'sloWriter').map(route => ({ route, as: asUser('ada') })),
      ...routesWith('user', 'owner', 'manager', 'sloWriter').map(route => ({ route, as: ingester })),
    ];
    expect(refusals.length).toBeGreaterThanOrEqual(16);
    for (const { route, as } of refusals) {
      const res = await call(route, as).send({});
      expect({ route: key(route), status: res.status }).toEqual({ route: key(route), status: 403 });
    }
    expect(await pulseRowCounts(knex)).toEqual(before);
  });

  it('lets users read and services ingest (past authorization to validation or lookup)', async () => {
    const allowed = [
      ...routesWith('reader').map(route => ({ route, as: asUser('ada') })),
      ...routesWith('reader', 'ingester').map(route => ({ route, as: ingester })),
      ...routesWith('user').map(route => ({ route, as: asUser('bob') })),
    ];
    for (const { route, as } of allowed) {
      const res = await call(route, as).send({});
      expect({ route: key(route), allowed: ![401, 403].includes(res.status) }).toEqual({
        route: key(route),
        allowed: true,
      });
      expect(res.status).toBeLessThan(500);
    }
  });
});
