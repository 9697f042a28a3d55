import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { pulsePlugin } from './plugin';

const start = async () =>
  (
    await startTestBackend({
      features: [pulsePlugin, catalogServiceMock.factory(), mockServices.rootConfig.factory({ data: {} })],
    })
  ).server;

describe('pulsePlugin', () => {
  it('answers /health without credentials with a bare ok: no database client, no migration names', async () => {
    const server = await start();
    const res = await request(server).get('/api/pulse/health').set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(JSON.stringify(res.body)).not.toMatch(/sqlite|migration|\.js/i);
  });

  it('answers /health to signed-in users and services with the migration state', async () => {
    const server = await start();
    const migrations = readdirSync(resolve(__dirname, '../../pulse-node/migrations')).filter(f => f.endsWith('.js'));
    for (const authorization of [mockCredentials.user.header('user:default/ada'), mockCredentials.service.header()]) {
      const res = await request(server).get('/api/pulse/health').set('Authorization', authorization);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.store.client).toBe('better-sqlite3');
      expect(res.body.store.migrations.pending).toEqual([]);
      expect(res.body.store.migrations.applied).toEqual(migrations.sort());
    }
  });
});
