import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { CatalogService, catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pulsePlugin from '@pulse/plugin-pulse-backend';
import { createHmac } from 'crypto';
import request from 'supertest';
import { deploymentStatusPayload, withInstallation } from './__fixtures__/payloads';
import { pulseModuleGithub } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

type Entity = NonNullable<NonNullable<Parameters<typeof catalogServiceMock>[0]>['entities']>[number];

const SECRET = 'inbox-secret';
const REPO = 'acme/checkout';

const checkout = (annotated: boolean): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', annotations: annotated ? { 'github.com/project-slug': REPO } : {} },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
});

/** A catalog whose entities can change and which can be down, as operators see it. */
class SwitchableCatalog {
  down = false;
  private current = catalogServiceMock({ entities: [] });

  set entities(entities: Entity[]) {
    this.current = catalogServiceMock({ entities });
  }

  readonly service = new Proxy({} as CatalogService, {
    // Only the catalog's methods: anything else (such as `then`) is absent, so the proxy is not taken for a promise.
    get: (_target, name) =>
      typeof (this.current as any)[name] === 'function'
        ? async (...args: unknown[]) => {
            if (this.down) throw new Error('catalog is restarting');
            return (this.current as any)[name](...args);
          }
        : undefined,
  });

  readonly factory = createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => this.service });
}

const signatureOf = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

const deployment = (deploymentId: number, state: string, finishedAt: string, payload = deploymentStatusPayload) =>
  payload({ repo: REPO, deploymentId, sha: `s${deploymentId}`, state, createdAt: '2026-01-05T09:00:00Z', finishedAt });

/** The mock scheduler (its class is not exported): tasks run only when a test triggers them. */
type MockScheduler = ReturnType<typeof mockServices.scheduler> & {
  factory(): ReturnType<typeof mockServices.scheduler.factory>;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())('the GitHub delivery inbox on %p', databaseId => {
  let knex: Awaited<ReturnType<typeof databases.init>>;
  let catalog: SwitchableCatalog;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let scheduler: MockScheduler;
  /** One run of the worker job, as the scheduler would start it. */
  const runWorker = () => scheduler.triggerTask('pulse-deliveries');

  const start = () => {
    scheduler = mockServices.scheduler() as MockScheduler;
    return startTestBackend({
      features: [
        scheduler.factory(),
        pulsePlugin,
        pulseModuleGithub,
        mockServices.database.factory({ knex }),
        catalog.factory,
        mockServices.rootConfig.factory({
          data: {
            pulse: {
              github: { webhookSecret: SECRET },
              // Parked deliveries are rechecked, and failed attempts retried, within a second or two.
              dora: { serviceIdRefresh: { seconds: 1 } },
              deliveries: { retryBackoff: { milliseconds: 200 } },
            },
          },
        }),
      ],
    });
  };

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    catalog = new SwitchableCatalog();
    catalog.entities = [checkout(true)];
    backend = await start();
  });

  afterEach(async () => {
    await backend.stop();
  });

  let deliveryIds = 0;
  const deliver = (payload: object, deliveryId = `d-${++deliveryIds}`, server = backend.server) => {
    const body = JSON.stringify(payload);
    return request(server)
      .post('/api/pulse/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'deployment_status')
      .set('X-GitHub-Delivery', deliveryId)
      .set('X-Hub-Signature-256', signatureOf(body))
      .send(body);
  };

  const deployments = () => knex('pulse_deployment').orderBy('id').select('id', 'status');
  const deliveryRow = (id: number) => knex('pulse_delivery').where('id', id).first();

  it('keeps a delivery that arrives while the catalog is down, and processes it once the catalog is back', async () => {
    catalog.down = true;
    const res = await deliver(deployment(1, 'success', '2026-01-05T10:00:00Z'));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'pending', reason: 'catalog is restarting', attempts: 1 });
    expect(await deployments()).toEqual([]);

    catalog.down = false;
    await sleep(250); // the back-off after the first failed attempt
    await runWorker();
    const row = await deliveryRow(res.body.id);
    expect(row).toMatchObject({ status: 'processed', entity_ref: 'component:default/checkout' });
    expect(await deployments()).toEqual([{ id: 'github:deployment:1', status: 'success' }]);
  });

  it('processes the deliveries left pending by a restart once it is up again, each once', async () => {
    catalog.down = true;
    const first = await deliver(deployment(2, 'success', '2026-01-05T10:00:00Z'));
    const second = await deliver(deployment(3, 'failure', '2026-01-05T11:00:00Z'));
    expect([first.body.status, second.body.status]).toEqual(['pending', 'pending']);
    await backend.stop();

    catalog.down = false;
    backend = await start();
    await sleep(250);
    await runWorker();
    await runWorker(); // a second run finds nothing left to do
    const rows = await knex('pulse_delivery').orderBy('id').select('status');
    expect(rows.map(r => r.status)).toEqual(['processed', 'processed']);
    expect(await deployments()).toEqual([
      { id: 'github:deployment:2', status: 'success' },
      { id: 'github:deployment:3', status: 'failure' },
    ]);
  });

  it('parks a delivery for a repository no component names yet, and counts it once the annotation appears', async () => {
    catalog.entities = [checkout(false)];
    const early = await deliver(deployment(4, 'success', '2026-01-05T10:00:00Z'));
    expect(early.body).toMatchObject({
      status: 'parked',
      reason: 'No component has the annotation github.com/project-slug: acme/checkout',
    });

    catalog.entities = [checkout(true)];
    await runWorker(); // before the service-id refresh: still parked
    expect((await deliveryRow(early.body.id)).status).toBe('parked');
    // Past the service-id refresh (1 s here) and the plugin's 10 s catalog cache, the next run places it.
    await sleep(10_500);
    await runWorker();
    expect((await deliveryRow(early.body.id)).status).toBe('processed');
    // Later runs leave it settled: one deployment.
    await runWorker();
    expect(await deployments()).toEqual([{ id: 'github:deployment:4', status: 'success' }]);
    expect((await deliveryRow(early.body.id)).status).toBe('processed');
  });

  it('stores a delivery once per X-GitHub-Delivery, answering a repeat as a duplicate', async () => {
    const payload = deployment(5, 'success', '2026-01-05T10:00:00Z');
    const first = await deliver(payload, 'same-id');
    const again = await deliver(payload, 'same-id');
    expect(first.body).toMatchObject({ status: 'processed', duplicate: false, externalId: 'same-id' });
    expect(again.body).toMatchObject({ id: first.body.id, status: 'processed', duplicate: true });
    const [{ n }] = await knex('pulse_delivery').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('keeps the newer state when an older deployment status arrives after it', async () => {
    expect((await deliver(deployment(6, 'failure', '2026-01-05T10:30:00Z'))).body.status).toBe('processed');
    // Sent earlier (10:00), delivered later.
    expect((await deliver(deployment(6, 'success', '2026-01-05T10:00:00Z'))).body.status).toBe('processed');
    expect(await deployments()).toEqual([{ id: 'github:deployment:6', status: 'failure' }]);
  });

  it('accepts payloads with or without an installation and organization', async () => {
    const res = await deliver(deployment(7, 'success', '2026-01-05T10:00:00Z', withInstallation));
    expect(res.body.status).toBe('processed');
    expect(await deployments()).toEqual([{ id: 'github:deployment:7', status: 'success' }]);
  });

  it('never answers with a stack trace, in development or production', async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      const server = backend.server;
      const responses = [
        await request(server).post('/api/pulse/webhooks/nope').send('{}'),
        await deliver(deployment(8, 'success', '2026-01-05T10:00:00Z')).set('X-Hub-Signature-256', 'sha256=00'),
        await request(server)
          .post('/api/pulse/webhooks/github')
          .set('Content-Type', 'application/json')
          .send(`{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`),
        await deliver({ deployment_status: 'not an object' }),
      ];
      expect(responses.map(r => r.status)).toEqual([404, 401, 413, 202]);
      for (const res of responses) {
        expect(res.text).not.toMatch(/stack|\n\s+at /);
      }
      expect(responses[3].body).toMatchObject({ status: 'failed' });
    } finally {
      process.env.NODE_ENV = env;
    }
  });
});
