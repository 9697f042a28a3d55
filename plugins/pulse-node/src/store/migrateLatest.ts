import { Knex } from 'knex';

/** How long a replica waits for another replica's migration run to finish. */
const LOCK_WAIT_MS = 120_000;
const RETRY_MS = 500;

/**
 * `migrate.latest()` that waits while another replica holds knex's migration lock, instead of failing start-up with
 * MigrationLocked (what knex does). Once the lock is free the migrations are up to date and this run applies nothing.
 */
export async function migrateLatest(client: Knex, directory: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await client.migrate.latest({ directory });
      return;
    } catch (error) {
      if ((error as Error).name !== 'MigrationLocked' || Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  }
}
