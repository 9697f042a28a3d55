import knexFactory, { Knex } from 'knex';

/**
 * A second client on the same database, with its own connection pool, as a second replica has. SQLite in memory is
 * one process, so there it is the same client.
 */
export function secondClient(db: Knex): Knex {
  return db.client.config.client === 'pg' ? knexFactory({ client: 'pg', connection: db.client.config.connection }) : db;
}
