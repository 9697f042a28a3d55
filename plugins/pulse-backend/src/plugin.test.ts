import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { pulsePlugin } from './plugin';

describe('pulsePlugin', () => {
  it('answers /health without credentials with the migration state', async () => {
    const { server } = await startTestBackend({
      features: [
        pulsePlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });

    const res = await request(server).get('/api/pulse/health');

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.store.migrations.pending).toEqual([]);
    const migrations = readdirSync(resolve(__dirname, '../../pulse-node/migrations')).filter(f => f.endsWith('.js'));
    expect(res.body.store.migrations.applied).toEqual(migrations.sort());
  });
});
