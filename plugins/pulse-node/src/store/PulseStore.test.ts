import { TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const expectedTables = [
  'pulse_slo',
  'pulse_sli_sample',
  'pulse_sli_rollup',
  'pulse_deployment',
  'pulse_deployment_commit',
  'pulse_change',
  'pulse_incident',
  'pulse_survey_template',
  'pulse_survey_template_version',
  'pulse_survey_round',
  'pulse_survey_round_group',
  'pulse_survey_round_owner',
  'pulse_survey_participation',
  'pulse_survey_participation_count',
  'pulse_survey_pending',
  'pulse_survey_response',
  'pulse_survey_answer',
  'pulse_survey_late',
  'pulse_job_run',
  'pulse_release_exception',
];

describe.each(databases.eachSupportedId())('PulseStore on %p', databaseId => {
  it('migrates an empty database to all three domains and reports it', async () => {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);

    for (const table of expectedTables) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    const health = await store.health();
    expect(health.migrations.pending).toEqual([]);
    expect(health.migrations.applied).toEqual([
      '20261129000001_slo.js',
      '20261129000002_dora.js',
      '20261129000003_survey.js',
      '20261129000004_decisions.js',
      '20261129000005_jobs.js',
      '20261204000010_survey_anonymity.js',
      '20261204000010_survey_late_answers.js',
      '20261204000010_survey_seq_key.js',
      '20261204000020_dora_change_key.js',
      '20261204000040_slo_values.js',
      '20261204000050_deliveries.js',
      '20261205000100_policy_overrides_exceptions.js',
      '20261205000200_incident_learnings.js',
      '20261205000400_slo_composite_objectives.js',
      '20261205000500_oncall_pages.js',
      '20261205000700_outcomes.js',
    ]);
    expect(await store.isEmpty()).toBe(true);
  });

  it('keeps answers apart from who answered: no answer or response column names a user or a time', async () => {
    const knex = await databases.init(databaseId);
    await PulseStore.fromClient(knex);
    for (const table of ['pulse_survey_response', 'pulse_survey_answer']) {
      const columns = Object.keys(await knex(table).columnInfo());
      expect(columns.filter(c => /user|_by$|_at$|time|ts$/.test(c))).toEqual([]);
    }
  });

  it('migrates down and up again cleanly (upgrade path)', async () => {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);
    await knex.migrate.rollback(
      { directory: require('path').resolve(__dirname, '../../migrations') },
      true,
    );
    expect(await knex.schema.hasTable('pulse_slo')).toBe(false);
    await PulseStore.fromClient(knex);
    expect((await store.health()).migrations.pending).toEqual([]);
  });
});
