import { Entity } from '@backstage/catalog-model';
import { createServiceFactory, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Server } from 'node:http';
import { ratioSloDocument, sliSample } from '../../../__testUtils__/sloFixtures';
import { startPulseTestBackend } from '../../../__testUtils__/startPulseTestBackend';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Headers of a service principal (ingestion, CI). */
export const service = { Authorization: mockCredentials.service.header() };

export const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

export const team = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

/** A 28-day rolling 99% Occurrences SLO as a JSON body. */
export const sloDocument = (name = 'availability') =>
  ratioSloDocument(name, { objectives: [{ displayName: '99%', target: 0.99 }] });

/** One SLI sample of `entityRef`'s `availability` SLO, `agoMs` before `nowMs`. */
export const sample = (entityRef: string, nowMs: number, agoMs: number, good: number, total: number) =>
  sliSample(entityRef, 'availability', nowMs - agoMs, good, total);

/**
 * A pulse backend on one test database, with a mock notification service whose `send` the test inspects and a
 * scheduler that runs nothing by itself: `runJob('pulse-decisions-transitions')` runs one job now, as the scheduler
 * would on one replica.
 */
export async function startDecisionsBackend(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  options: { entities: Entity[]; config?: object; features?: ServiceFactory[] },
): Promise<{ server: Server; send: jest.Mock; runJob: (id: string) => Promise<void> }> {
  const knex = await databases.init(databaseId);
  const send = jest.fn(async () => {});
  const scheduler = mockServices.scheduler.mock();
  const server = await startPulseTestBackend(knex, {
    entities: options.entities,
    config: options.config,
    features: [
      createServiceFactory({ service: notificationService, deps: {}, factory: () => ({ send }) }),
      scheduler.factory,
      ...(options.features ?? []),
    ],
  });
  const runJob = async (id: string) => {
    const task = scheduler.scheduleTask.mock.calls.map(([t]) => t).find(t => t.id === id);
    if (!task) throw new Error(`No job ${id} was scheduled`);
    await task.fn(new AbortController().signal);
  };
  return { server, send, runJob };
}
