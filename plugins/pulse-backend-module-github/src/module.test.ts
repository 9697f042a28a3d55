import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pulsePlugin from '@pulse/plugin-pulse-backend';
import { createHmac } from 'crypto';
import request from 'supertest';
import { deploymentStatusPayload, issuesPayload, pullRequestPayload, pushPayload } from './__fixtures__/payloads';
import { pulseModuleGithub } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'It\'s a Secret to Everybody';
const REPO = 'acme/checkout';

const component = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
});

const entities = [
  component('checkout', { 'github.com/project-slug': REPO }),
  component('billing', {}),
];

const signatureOf = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe.each(databases.eachSupportedId())('GitHub webhook on %p', databaseId => {
  let server: any;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    ({ server } = await startTestBackend({
      features: [
        pulsePlugin,
        pulseModuleGithub,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: { pulse: { github: { webhookSecret: SECRET } } } }),
      ],
    }));
  });

  // Each delivery has its own X-GitHub-Delivery unless a test repeats one (inbox.test.ts covers duplicates).
  let deliveries = 0;
  const deliver = (event: string, payload: object, signature?: string, deliveryId = `72d3162e-${++deliveries}`) => {
    const body = JSON.stringify(payload);
    return request(server)
      .post('/api/pulse/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', deliveryId)
      .set('X-Hub-Signature-256', signature ?? signatureOf(body))
      .send(body);
  };

  const scorecard = () =>
    request(server).get('/api/pulse/dora/entities/component/default/checkout?from=2026-01-01&to=2026-01-14');

  it('records pushes, merged pull requests, final deployment statuses and incident issues', async () => {
    const push = await deliver(
      'push',
      pushPayload({
        repo: REPO,
        pushedAt: '2026-01-02T09:00:00Z',
        commits: [
          { id: 'c1', timestamp: '2026-01-01T10:00:00Z' },
          { id: 'c2', timestamp: '2026-01-02T04:00:00+02:00' },
        ],
      }),
    );
    expect(push.status).toBe(202);
    expect(push.body).toMatchObject({ status: 'processed', entityRef: 'component:default/checkout', duplicate: false });

    const merged = pullRequestPayload({
      repo: 'Acme/Checkout',
      action: 'closed',
      merged: true,
      mergeCommitSha: 'c3',
      createdAt: '2026-01-03T06:00:00Z',
      mergedAt: '2026-01-03T08:00:00Z',
    });
    expect((await deliver('pull_request', merged)).body).toMatchObject({ status: 'processed', entityRef: 'component:default/checkout' });

    const deployment = (deploymentId: number, sha: string, state: string, createdAt: string, finishedAt: string) =>
      deploymentStatusPayload({ repo: REPO, deploymentId, sha, state, createdAt, finishedAt });
    const first = deployment(101, 'c2', 'success', '2026-01-02T09:30:00Z', '2026-01-02T10:00:00Z');
    expect((await deliver('deployment_status', first)).body.status).toBe('processed');
    // Delivered again (a new delivery id): the same deployment id replaces itself.
    expect((await deliver('deployment_status', first)).body.status).toBe('processed');
    expect((await deliver('deployment_status', deployment(102, 'c3', 'success', '2026-01-03T09:00:00Z', '2026-01-03T10:00:00Z'))).body.status).toBe('processed');
    expect((await deliver('deployment_status', deployment(103, 'c4', 'error', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z'))).body.status).toBe('processed');

    const incident = { repo: REPO, issueId: 1001, labels: ['bug', 'Incident'], createdAt: '2026-01-03T12:00:00Z' };
    expect((await deliver('issues', issuesPayload({ ...incident, action: 'opened' }))).body.status).toBe('processed');
    const closed = issuesPayload({ ...incident, action: 'closed', closedAt: '2026-01-03T13:30:00Z' });
    expect((await deliver('issues', closed)).body).toMatchObject({ status: 'processed', entityRef: 'component:default/checkout' });
  });

  it('answers 202 with a reason for deliveries it does not record, or cannot place yet', async () => {
    const ignored = async (event: string, payload: object) => {
      const res = await deliver(event, payload);
      expect(res.status).toBe(202);
      return `${res.body.status}: ${res.body.reason}`;
    };
    expect(await ignored('ping', { zen: 'Design for failure.', hook_id: 1 })).toBe("ignored: GitHub event 'ping' is not used by Pulse");
    expect(
      await ignored(
        'deployment_status',
        deploymentStatusPayload({ repo: REPO, deploymentId: 104, sha: 'c5', state: 'in_progress', createdAt: '2026-01-06T09:00:00Z', finishedAt: '2026-01-06T09:01:00Z' }),
      ),
    ).toBe("ignored: deployment_status 'in_progress' is not a final state");
    expect(
      await ignored('push', pushPayload({ repo: REPO, ref: 'refs/heads/feature', pushedAt: '2026-01-06T09:00:00Z', commits: [{ id: 'f1', timestamp: '2026-01-06T08:00:00Z' }] })),
    ).toBe('ignored: push to refs/heads/feature, not the default branch');
    expect(
      await ignored('pull_request', pullRequestPayload({ repo: REPO, action: 'closed', merged: false, mergeCommitSha: 'x1', createdAt: '2026-01-06T08:00:00Z', mergedAt: null })),
    ).toBe("ignored: pull_request 'closed' is not a merge");
    expect(
      await ignored('issues', issuesPayload({ repo: REPO, action: 'opened', issueId: 1002, labels: ['bug'], createdAt: '2026-01-06T08:00:00Z' })),
    ).toBe("ignored: issues 'opened' does not start or resolve an 'incident' issue");
    expect(
      await ignored(
        'deployment_status',
        deploymentStatusPayload({ repo: 'acme/unknown', deploymentId: 105, sha: 'u1', state: 'success', createdAt: '2026-01-06T09:00:00Z', finishedAt: '2026-01-06T10:00:00Z' }),
      ),
    ).toBe('parked: No component has the annotation github.com/project-slug: acme/unknown');
  });

  it('rejects a missing or wrong signature with 401 and stores nothing', async () => {
    const payload = deploymentStatusPayload({ repo: REPO, deploymentId: 106, sha: 'c6', state: 'success', createdAt: '2026-01-07T09:00:00Z', finishedAt: '2026-01-07T10:00:00Z' });
    const wrongSecret = await deliver('deployment_status', payload, signatureOf(JSON.stringify(payload), 'guess'));
    expect(wrongSecret.status).toBe(401);
    const tampered = await deliver('deployment_status', { ...payload, extra: true }, signatureOf(JSON.stringify(payload)));
    expect(tampered.status).toBe(401);
    const sha1 = await deliver('deployment_status', payload, 'sha1=d03207e4b030cf234e3447bac4d93add4c6643d8');
    expect(sha1.status).toBe(401);
    const unsigned = await request(server)
      .post('/api/pulse/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', 'deployment_status')
      .send(JSON.stringify(payload));
    expect(unsigned.status).toBe(401);
    expect((await scorecard()).body.deployments).toBe(3);
  });

  it('stores a signed payload that is not what its event promises as failed, with the reason', async () => {
    const res = await deliver('deployment_status', { deployment: { id: 'x' } });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('failed');
    expect(res.body.reason).toMatch(/^Invalid GitHub deployment_status payload: deployment_status: Required/);
  });

  it('serves the DORA metrics computed from the deliveries', async () => {
    const res = await scorecard();
    expect(res.status).toBe(200);
    // 101 and 102 succeeded, 103 errored: three production deployments, the repeated 101 counted once.
    expect(res.body.deployments).toBe(3);
    const { metrics } = res.body;
    // Rates run over the days Pulse has data for: the 14-day window starts 01-01, the first event (deployment 101) is
    // on 01-02, so 13 covered days and 2 successful deployments: 2 / 13 per day.
    expect(metrics.deploymentFrequency).toMatchObject({ value: 2 / 13, sampleSize: 2 });
    // A deployment covers every change since the previous one: 101 (01-02 10:00) ships c1 (committed 01-01 10:00Z)
    // -> 24 h and c2 (02:00Z) -> 8 h; c3 (the merge commit): PR opened 06:00, deployed by 102 at 10:00 -> 4 h.
    // Median of [4, 8, 24] is 8 h; p90 at rank 0.9 x 2 = 1.8: 8 + 0.8 x 16 = 20.8 h.
    expect(metrics.leadTimeForChanges).toMatchObject({ value: 8, sampleSize: 3 });
    expect(metrics.leadTimeForChanges.p90).toBeCloseTo(20.8, 10);
    // Of the 2 successful deployments, 102 caused the incident opened 2 h after it: 1 of 2 (the errored attempt 103
    // counts in neither part with the default 'successful' denominator).
    expect(metrics.changeFailureRate).toMatchObject({ value: 50, sampleSize: 2 });
    // 102's failure: the incident issue was closed 1.5 h after it was opened.
    expect(metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 1.5, sampleSize: 1 });
  });
});
