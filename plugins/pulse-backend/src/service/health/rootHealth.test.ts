import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pulsePlugin } from '../../plugin';
import { readinessChecksServiceRef } from './readinessChecks';
import { pulseRootHealthServiceFactory } from './rootHealthServiceFactory';

/** A plugin whose readiness check fails while `broken.now` is true: stands in for an unreachable database. */
const broken = { now: false };
const flakyPlugin = createBackendPlugin({
  pluginId: 'flaky',
  register(env) {
    env.registerInit({
      deps: { checks: readinessChecksServiceRef },
      async init({ checks }) {
        checks.add('flaky-store', async () => {
          if (broken.now) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 (postgres)');
        });
      },
    });
  },
});

describe('readiness and liveness through the root health service', () => {
  it("is ready with Pulse's store migrated, and not ready, naming only the check, when a check fails", async () => {
    const { server } = await startTestBackend({
      features: [
        pulsePlugin,
        flakyPlugin,
        pulseRootHealthServiceFactory,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect((await request(server).get('/.backstage/health/v1/liveness')).body).toEqual({ status: 'ok' });

    const ready = await request(server).get('/.backstage/health/v1/readiness');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });

    broken.now = true;
    const notReady = await request(server).get('/.backstage/health/v1/readiness');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({ status: 'error', message: 'Not ready: flaky-store' });
    // The error (a host and a database) is logged, never answered.
    expect(JSON.stringify(notReady.body)).not.toMatch(/10\.0\.0\.5|postgres/);
    broken.now = false;
  });
});
