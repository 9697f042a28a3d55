/** `GET /api/pulse/health`: the store's migration state. */
export interface PulseHealth {
  status: 'ok';
  store: {
    client: string;
    migrations: {
      /** Migrations applied to the database, oldest first. */
      applied: string[];
      /** Migrations shipped with the code but not yet applied (empty when healthy). */
      pending: string[];
    };
  };
}
