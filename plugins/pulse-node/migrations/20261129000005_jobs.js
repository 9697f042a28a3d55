// @ts-check

/**
 * One row per run of a scheduled Pulse job, written by whichever replica won the scheduler's lock: the evidence that
 * a global job ran once per interval, and what it did. The retention job deletes old rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_job_run', table => {
    table.comment('Runs of scheduled Pulse jobs (scope global), one row per run');
    table.increments('id');
    table.string('job_id', 255).notNullable().comment('The scheduler task id, e.g. pulse-slo-rollup');
    table.string('runner', 255).notNullable().comment('host:pid of the backend replica that ran it');
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at');
    table.string('outcome', 16).notNullable().comment("'running', 'succeeded' or 'failed'");
    table.text('summary').comment('What the run did, or the error message');
    table.index(['job_id', 'started_at'], 'pulse_job_run_job_started_idx');
    table.index(['started_at'], 'pulse_job_run_started_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_job_run');
};
