/**
 * `GET /api/pulse/health`: `{ status: 'ok' }` for anyone; signed-in users and services also get the store's client and
 * migration state (nothing about the database is told to an unauthenticated caller). Probes use Backstage's
 * `/.backstage/health/v1/readiness` and `/liveness`.
 */
export interface PulseHealth {
  status: 'ok';
  store?: {
    client: string;
    migrations: {
      /** Migrations applied to the database, oldest first. */
      applied: string[];
      /** Migrations shipped with the code but not yet applied (empty when healthy). */
      pending: string[];
    };
  };
}
