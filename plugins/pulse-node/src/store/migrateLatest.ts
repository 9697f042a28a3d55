import { Knex } from 'knex';

/** How long a replica waits for another replica's migration run to finish. */
const LOCK_WAIT_MS = 120_000;
const RETRY_MS = 500;

/**
 * Whether another replica is migrating: it holds knex's lock, or it created knex's own bookkeeping tables on a fresh
 * database a moment before this replica tried to (knex does not lock that step).
 */
function isConcurrentMigration(error: Error): boolean {
  return error.name === 'MigrationLocked' || /knex_migrations.*(already exists|duplicate key)/s.test(error.message);
}

/**
 * `migrate.latest()` that waits while another replica migrates, instead of failing start-up (what knex does). Once
 * the other replica is done the migrations are up to date and this run applies nothing.
 */
export async function migrateLatest(client: Knex, directory: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await client.migrate.latest({ directory });
      return;
    } catch (error) {
      if (!isConcurrentMigration(error as Error) || Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  }
}
