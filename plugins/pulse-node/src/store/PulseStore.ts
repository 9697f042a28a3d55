import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { PulseHealth } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';
import { DecisionRepository } from './DecisionRepository';
import { DeliveryStore } from './DeliveryStore';
import { DoraRepository } from './DoraRepository';
import { JobRunRepository } from './JobRunRepository';
import { migrateLatest } from './migrateLatest';
import { OncallRepository } from './OncallRepository';
import { OutcomeRepository } from './OutcomeRepository';
import { SloRepository } from './SloRepository';
import { SurveyRepository } from './SurveyRepository';

const migrationsDir = resolvePackagePath(
  '@pulse/plugin-pulse-node',
  'migrations',
);

/**
 * The one knex store behind all of Pulse: it runs the migrations and hands out one repository per domain. No SQL lives
 * outside the repositories.
 */
export class PulseStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<PulseStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip && !options.skipMigrations) {
      await migrateLatest(client, migrationsDir);
    }
    return new PulseStore(client);
  }

  /** Builds a store on a knex client that is already migrated (tests, tools). */
  static async fromClient(client: Knex): Promise<PulseStore> {
    await migrateLatest(client, migrationsDir);
    return new PulseStore(client);
  }

  readonly slo: SloRepository;
  readonly dora: DoraRepository;
  readonly survey: SurveyRepository;
  readonly decisions: DecisionRepository;
  /** Runs of the scheduled jobs, whatever their domain. */
  readonly jobRuns: JobRunRepository;
  /** The inbox of webhook and CDEvents deliveries. */
  readonly deliveries: DeliveryStore;
  /** On-call pages and their health figures. */
  readonly oncall: OncallRepository;
  /** Outcome documents and the values of their metrics. */
  readonly outcomes: OutcomeRepository;

  private constructor(private readonly db: Knex) {
    this.slo = new SloRepository(db);
    this.dora = new DoraRepository(db);
    this.survey = new SurveyRepository(db);
    this.decisions = new DecisionRepository(db);
    this.jobRuns = new JobRunRepository(db);
    this.deliveries = new DeliveryStore(db);
    this.oncall = new OncallRepository(db);
    this.outcomes = new OutcomeRepository(db);
  }

  /** The migrations applied and still pending, for the health endpoint. */
  async health(): Promise<NonNullable<PulseHealth['store']>> {
    const [completed, pending] = (await this.db.migrate.list({
      directory: migrationsDir,
    })) as [Array<{ name: string }>, Array<{ file: string }>];
    return {
      client: String(this.db.client.config.client),
      migrations: {
        applied: completed.map(m => m.name),
        pending: pending.map(m => m.file),
      },
    };
  }

  /** Whether the store holds any Pulse data yet (the demo seeder only fills an empty store). */
  async isEmpty(): Promise<boolean> {
    for (const table of ['pulse_slo', 'pulse_deployment', 'pulse_survey_round']) {
      const row = await this.db(table).first(this.db.raw('1 as present'));
      if (row) return false;
    }
    return true;
  }
}
