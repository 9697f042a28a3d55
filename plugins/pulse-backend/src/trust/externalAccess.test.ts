import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { CHECKOUT_REF, SLO_NAME, sloDocument, startTrustBackend, TestServer } from './__testUtils__/trustBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CI_TOKEN = 'ci-token-123456';
const CATALOG_ONLY_TOKEN = 'catalog-token-123456';
const bearer = (token: string) => `Bearer ${token}`;

/** Static external-access tokens checked by Backstage's real auth and httpAuth services, not the mocks. */
describe.each(databases.eachSupportedId())('static external-access tokens on %p', databaseId => {
  let server: TestServer;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    server = await startTrustBackend(knex, {
      features: [authServiceFactory, httpAuthServiceFactory],
      config: {
        backend: {
          baseUrl: 'http://localhost:7007',
          auth: {
            externalAccess: [
              { type: 'static', options: { token: CI_TOKEN, subject: 'ci' } },
              {
                type: 'static',
                options: { token: CATALOG_ONLY_TOKEN, subject: 'catalog-sync' },
                accessRestrictions: [{ plugin: 'catalog' }],
              },
            ],
          },
        },
        // Backstage names a static token's principal by its bare subject; config lists it as external:<subject>.
        pulse: { slo: { writers: ['external:ci'] } },
      },
    });
  });

  const sample = { entityRef: CHECKOUT_REF, slo: SLO_NAME, timestamp: new Date().toISOString(), good: 9, total: 10 };

  it('accepts the configured token for definitions, ingestion and reads', async () => {
    const put = await request(server)
      .put(`/api/pulse/slo/entities/component/default/checkout/slos/${SLO_NAME}`)
      .set('Authorization', bearer(CI_TOKEN))
      .send(sloDocument());
    expect(put.status).toBe(201);

    const ingest = await request(server)
      .post('/api/pulse/slo/samples')
      .set('Authorization', bearer(CI_TOKEN))
      .send({ items: [sample] });
    expect(ingest.status).toBe(200);
    expect(ingest.body).toEqual({ accepted: 1 });

    const read = await request(server)
      .get('/api/pulse/slo/entities/component/default/checkout/slos')
      .set('Authorization', bearer(CI_TOKEN));
    expect(read.status).toBe(200);
    expect(read.body.items.map((s: { name: string }) => s.name)).toEqual([SLO_NAME]);
  });

  it('answers 401 to a wrong token and to no token, without a stack trace', async () => {
    for (const authorization of [bearer('ci-token-654321'), undefined]) {
      const req = request(server).post('/api/pulse/slo/samples').send({ items: [sample] });
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
      expect(res.body.error.stack).toBeUndefined();
    }
  });

  it('refuses a token restricted to another plugin', async () => {
    const res = await request(server)
      .get('/api/pulse/dora/groups')
      .set('Authorization', bearer(CATALOG_ONLY_TOKEN));
    expect(res.status).toBe(403);
  });

  it('keeps /health open', async () => {
    expect((await request(server).get('/api/pulse/health')).status).toBe(200);
  });
});
