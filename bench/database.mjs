/*
 * Straight access to the Pulse tables, for the floors (hand-written SQL), the counts after loading and the rows the API
 * has no way in for. One interface over SQLite (better-sqlite3, synchronous) and PostgreSQL (pg).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const Sqlite = require('better-sqlite3');

/** `?` placeholders to PostgreSQL's `$n`. */
const numbered = text => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/** A fresh SQLite directory: the backend keeps one file per plugin there. */
export function freshSqlite() {
  const directory = mkdtempSync(path.join(tmpdir(), 'pulse-bench-sqlite-'));
  return {
    kind: 'sqlite',
    backendConfig: { client: 'better-sqlite3', connection: { directory } },
    async open() {
      const db = new Sqlite(path.join(directory, 'pulse.sqlite'));
      db.pragma('busy_timeout = 30000');
      return {
        query: async (text, values = []) => db.prepare(text).all(...values),
        /** Many rows in one transaction with one prepared statement. */
        insertMany: async (table, columns, rows) => {
          const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
          db.transaction(batch => batch.forEach(row => statement.run(...row)))(rows);
        },
        /** SQLite keeps no planner statistics unless told, and Backstage never tells it: measured as deployed. */
        analyze: async () => {},
        close: async () => db.close(),
      };
    },
    async drop() {},
    describe: () => directory,
  };
}

/** A fresh PostgreSQL database on the local server; the backend keeps each plugin in its own schema there. */
export function freshPostgres(serverUrl) {
  const database = `pulse_bench_${randomBytes(4).toString('hex')}`;
  const admin = async text => {
    const client = new Client({ connectionString: `${serverUrl}/postgres` });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgres',
    database,
    backendConfig: { client: 'pg', pluginDivisionMode: 'schema', connection: `${serverUrl}/${database}` },
    async create() {
      await admin(`CREATE DATABASE ${database}`);
    },
    async open() {
      const client = new Client({ connectionString: `${serverUrl}/${database}` });
      await client.connect();
      await client.query('SET search_path TO pulse');
      return {
        query: async (text, values = []) => (await client.query(numbered(text), values)).rows,
        /** Many rows in one statement: one array parameter per column, unnested. */
        insertMany: async (table, columns, rows, types) => {
          if (rows.length === 0) return;
          const arrays = columns.map((_, c) => rows.map(row => row[c]));
          const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays);
        },
        /** What autovacuum does some time after a bulk load: fresh statistics, so the planner sees real row counts. */
        analyze: async () => {
          await client.query('ANALYZE');
        },
        close: () => client.end(),
      };
    },
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
    describe: () => database,
  };
}
