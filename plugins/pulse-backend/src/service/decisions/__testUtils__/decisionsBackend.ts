import { Entity } from '@backstage/catalog-model';
import { createServiceFactory, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Server } from 'node:http';
import { pulsePlugin } from '../../../plugin';

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
export const sloDocument = (name = 'availability') => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    indicator: {
      metadata: { name: 'http' },
      spec: {
        ratioMetric: {
          good: { metricSource: { type: 'Prometheus', spec: { query: 'good' } } },
          total: { metricSource: { type: 'Prometheus', spec: { query: 'total' } } },
        },
      },
    },
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: '99%', target: 0.99 }],
  },
});

/** One SLI sample of `entityRef`'s `availability` SLO, `agoMs` before `nowMs`. */
export const sample = (entityRef: string, nowMs: number, agoMs: number, good: number, total: number) => ({
  entityRef,
  slo: 'availability',
  timestamp: new Date(nowMs - agoMs).toISOString(),
  good,
  total,
});

/** A pulse backend on one test database, with a mock notification service whose `send` the test inspects. */
export async function startDecisionsBackend(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  options: { entities: Entity[]; config?: object; features?: ServiceFactory[] },
): Promise<{ server: Server; send: jest.Mock }> {
  const knex = await databases.init(databaseId);
  const send = jest.fn(async () => {});
  const { server } = await startTestBackend({
    features: [
      pulsePlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      createServiceFactory({ service: notificationService, deps: {}, factory: () => ({ send }) }),
      ...(options.features ?? []),
    ],
  });
  return { server, send };
}
