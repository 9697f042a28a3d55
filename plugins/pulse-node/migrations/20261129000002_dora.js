// @ts-check

/**
 * Delivery events: deployments (with the commits they shipped), changes and incidents. Each is keyed by the id its
 * source gives, so a retried webhook replaces rather than duplicates. Instants are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_deployment', table => {
    table.string('id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').notNullable();
    table.string('status', 16).notNullable().comment("'success' or 'failure'");
    table.boolean('rework').notNullable().defaultTo(false).comment('An unplanned deployment to fix a user-facing problem');
    table.bigInteger('updated_at').notNullable();
    table.index(['entity_ref', 'finished_at'], 'pulse_deployment_entity_finished_idx');
  });

  await knex.schema.createTable('pulse_deployment_commit', table => {
    table.string('deployment_id', 255).notNullable().references('id').inTable('pulse_deployment').onDelete('CASCADE');
    table.string('sha', 255).notNullable();
    table.primary(['deployment_id', 'sha']);
    table.index(['sha'], 'pulse_deployment_commit_sha_idx');
  });

  await knex.schema.createTable('pulse_change', table => {
    table.string('id', 255).primary().comment('Commit SHA');
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('created_at').notNullable().comment('First commit time');
    table.bigInteger('merged_at');
    table
      .bigInteger('first_deployed_at')
      .comment('Finish of the first successful production deployment that shipped it; kept up to date on ingestion');
    table.bigInteger('updated_at').notNullable();
    table.index(['entity_ref', 'created_at'], 'pulse_change_entity_created_idx');
    table.index(['entity_ref', 'first_deployed_at'], 'pulse_change_entity_deployed_idx');
  });

  await knex.schema.createTable('pulse_incident', table => {
    table.string('id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('resolved_at');
    table.string('deployment_id', 255).comment('The deployment that caused it, when the source knows');
    table.string('environment', 255).comment('Where it happened, when the source says; only production ones count');
    table.text('description');
    table.bigInteger('updated_at').notNullable();
    table.index(['entity_ref', 'created_at'], 'pulse_incident_entity_created_idx');
    table.index(['deployment_id'], 'pulse_incident_deployment_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_incident');
  await knex.schema.dropTable('pulse_change');
  await knex.schema.dropTable('pulse_deployment_commit');
  await knex.schema.dropTable('pulse_deployment');
};
