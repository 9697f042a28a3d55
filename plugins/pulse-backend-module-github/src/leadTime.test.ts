import { TestDatabases } from '@backstage/backend-test-utils';
import { DoraEventBatch, PulseStore } from '@pulse/plugin-pulse-node';
import { deploymentStatusPayload, pullRequestPayload, pushPayload } from './__fixtures__/payloads';
import { mapGithubEvent } from './mapGithubEvent';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rules = {
  productionEnvironments: ['production'],
  incidentAttributionWindowMs: DAY,
  timeZone: 'UTC',
  leadTimeCapMs: 90 * DAY,
  changeFailureRateDenominator: 'successful' as const,
};

/** What the webhook would write for a delivery to the component of `repo`. */
function batchOf(event: string, payload: object, entityRef: string): DoraEventBatch {
  const mapped = mapGithubEvent(event, payload, 'incident');
  if ('ignored' in mapped) throw new Error(mapped.ignored);
  return mapped.toBatch(entityRef);
}

describe.each(databases.eachSupportedId())('GitHub deliveries to DORA facts on %p', databaseId => {
  let store: PulseStore;
  beforeAll(async () => {
    store = await PulseStore.fromClient(await databases.init(databaseId));
  });

  const deliver = (entity: string, event: string, payload: object) =>
    store.dora.ingest(batchOf(event, payload, `component:default/${entity}`), rules);
  const stats = (entity: string) =>
    store.dora.windowStats({
      ...rules,
      entityRefs: [`component:default/${entity}`],
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-02-01T00:00:00Z'),
    });

  it('gives a merged pull request the same lead time whether its push or the pull request arrives first', async () => {
    // Opened Monday 09:00, merged Wednesday 09:00 as m1 (whose commit time is Wednesday 09:00), deployed at 10:00.
    const pullRequest = (repo: string) =>
      pullRequestPayload({
        repo,
        action: 'closed',
        merged: true,
        mergeCommitSha: 'm1',
        createdAt: '2026-01-05T09:00:00Z',
        mergedAt: '2026-01-07T09:00:00Z',
      });
    const push = (repo: string) =>
      pushPayload({ repo, pushedAt: '2026-01-07T09:00:00Z', commits: [{ id: 'm1', timestamp: '2026-01-07T09:00:00Z' }] });
    const deployment = (repo: string) =>
      deploymentStatusPayload({
        repo,
        deploymentId: repo === 'acme/pr-first' ? 1 : 2,
        sha: 'm1',
        state: 'success',
        createdAt: '2026-01-07T09:50:00Z',
        finishedAt: '2026-01-07T10:00:00Z',
      });

    await deliver('pr-first', 'pull_request', pullRequest('acme/pr-first'));
    await deliver('pr-first', 'push', push('acme/pr-first'));
    await deliver('pr-first', 'deployment_status', deployment('acme/pr-first'));
    await deliver('push-first', 'deployment_status', deployment('acme/push-first'));
    await deliver('push-first', 'push', push('acme/push-first'));
    await deliver('push-first', 'pull_request', pullRequest('acme/push-first'));

    // Monday 09:00 to Wednesday 10:00 = 49 h both times (the last delivery winning gave 1 h or 49 h).
    for (const entity of ['pr-first', 'push-first']) {
      expect((await stats(entity)).total.leadTime).toEqual({ sampleSize: 1, median: 49 * HOUR, p90: 49 * HOUR });
    }
  });

  it('keeps the newer deployment status when an older one is delivered late', async () => {
    const status = (state: string, finishedAt: string) =>
      deploymentStatusPayload({
        repo: 'acme/late',
        deploymentId: 3,
        sha: 'l1',
        state,
        createdAt: '2026-01-08T09:00:00Z',
        finishedAt,
      });
    await deliver('late', 'push', pushPayload({ repo: 'acme/late', pushedAt: '2026-01-08T08:30:00Z', commits: [{ id: 'l1', timestamp: '2026-01-08T08:00:00Z' }] }));
    // The deployment failed at 09:10, was retried and succeeded at 09:40; GitHub delivers the failure last.
    await deliver('late', 'deployment_status', status('success', '2026-01-08T09:40:00Z'));
    await deliver('late', 'deployment_status', status('failure', '2026-01-08T09:10:00Z'));
    const { total } = await stats('late');
    // One successful deployment; l1 committed 08:00, shipped 09:40: 100 min.
    expect([total.deployments, total.successes, total.leadTime.median]).toEqual([1, 1, (100 / 60) * HOUR]);
  });
});
