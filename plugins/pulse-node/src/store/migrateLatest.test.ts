import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { secondClient } from './__testUtils__/secondClient';
import { migrateLatest } from './migrateLatest';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const migrations = path.resolve(__dirname, '../../migrations');

describe.each(databases.eachSupportedId())('migrateLatest on %p', databaseId => {
  it('waits while another replica holds the migration lock, then finds nothing left to apply', async () => {
    const knex = await databases.init(databaseId);
    await migrateLatest(knex, migrations);
    // Another replica's run in progress: knex itself would fail with MigrationLocked now.
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    await expect(knex.migrate.latest({ directory: migrations })).rejects.toThrow('Migration table is already locked');

    let released = false;
    setTimeout(() => {
      released = true;
      void knex('knex_migrations_lock').update({ is_locked: 0 }).then();
    }, 1200);
    await migrateLatest(knex, migrations);

    expect(released).toBe(true);
    const [, pending] = await knex.migrate.list({ directory: migrations });
    expect(pending).toEqual([]);
  });

  it('two concurrent runs on a fresh database both succeed and apply each migration once', async () => {
    const knex = await databases.init(databaseId);
    // Two replicas: each with its own client and pool, as in production (one shared pool is not what replicas have).
    const other = secondClient(knex);
    try {
      await Promise.all([migrateLatest(knex, migrations), migrateLatest(other, migrations)]);
    } finally {
      if (other !== knex) await other.destroy();
    }
    const applied = await knex('knex_migrations').select('name');
    expect(applied.length).toBe(new Set(applied.map(m => m.name)).size);
    expect(applied.map(m => m.name)).toContain('20261129000005_jobs.js');
  });
});
