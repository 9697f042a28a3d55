import { Knex } from 'knex';

/**
 * Aborts that are safe to retry from the start: PostgreSQL's deadlock_detected (40P01) and serialization_failure
 * (40001), and SQLite's SQLITE_BUSY when another connection holds the write lock.
 */
const RETRYABLE_CODES = new Set(['40P01', '40001', 'SQLITE_BUSY']);
const MAX_ATTEMPTS = 5;

export function isRetryableAbort(error: unknown): boolean {
  return RETRYABLE_CODES.has(String((error as { code?: unknown })?.code ?? ''));
}

/**
 * Runs `work` in one transaction, and again from the start when the database aborted it to break a lock conflict with
 * a concurrent writer (up to five attempts, with a growing, jittered pause). The aborted attempt was rolled back, so
 * nothing of it remains; a caller sees an error only when every attempt failed.
 */
export async function transactionWithRetry<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableAbort(error)) throw error;
      await new Promise(resolve => setTimeout(resolve, attempt * 25 + Math.random() * 50));
    }
  }
}
