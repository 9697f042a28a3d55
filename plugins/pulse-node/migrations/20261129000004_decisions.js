// @ts-check

/**
 * Decisions: entity error-budget policy overrides, the gate decision log, the last policy state per entity (so the
 * owning group is notified once per transition), and what each incident spent of its SLOs' budgets with its
 * postmortem. Instants are epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_entity_policy', table => {
    table.comment('Per-entity error-budget policy overrides set through the API');
    table.string('entity_ref', 255).primary();
    table.text('policy').notNullable().comment('JSON: the override, merged over the group and portal policy');
    table.string('updated_by', 255).notNullable();
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('pulse_gate_decision', table => {
    table.comment('Every release-gate check (POST release-gate): what was decided, why, and who asked');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('decided_at').notNullable();
    table.string('decision', 16).notNullable().comment("'allow', 'warn' or 'block'");
    table.string('state', 16).notNullable().comment("'normal', 'caution' or 'freeze'");
    table.text('reasons').notNullable().comment('JSON array of strings');
    table.string('exception_requested', 64).comment('The --reason given, if any');
    table.boolean('exception_used').notNullable().defaultTo(false).comment('True when it let a frozen release pass');
    table.string('caller', 255).notNullable().comment('user:... or service:...');
    table.index(['entity_ref', 'decided_at'], 'pulse_gate_decision_entity_decided_idx');
  });

  await knex.schema.createTable('pulse_policy_state', table => {
    table.comment('The last observed policy state of each entity; changed with a conditional update, notified once');
    table.string('entity_ref', 255).primary();
    table.string('state', 16).notNullable();
    table.boolean('page_alert').notNullable();
    table.bigInteger('changed_at').notNullable();
  });

  await knex.schema.createTable('pulse_incident_budget', table => {
    table.comment('What an incident spent of the window budget of each SLO objective');
    table.string('incident_id', 255).notNullable();
    table.string('slo_name', 255).notNullable();
    table.string('objective', 255).notNullable();
    table.double('share').notNullable();
    table.primary(['incident_id', 'slo_name', 'objective']);
  });

  await knex.schema.alterTable('pulse_incident', table => {
    table.text('postmortem_url');
    table.boolean('postmortem_required').notNullable().defaultTo(false);
    table.double('budget_share').comment('The largest share of any objective budget it spent');
    table.bigInteger('budget_evaluated_at').comment('When the shares were computed; null until then');
    table.index(['created_at'], 'pulse_incident_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pulse_incident', table => {
    table.dropIndex(['created_at'], 'pulse_incident_created_idx');
    table.dropColumns('postmortem_url', 'postmortem_required', 'budget_share', 'budget_evaluated_at');
  });
  await knex.schema.dropTable('pulse_incident_budget');
  await knex.schema.dropTable('pulse_policy_state');
  await knex.schema.dropTable('pulse_gate_decision');
  await knex.schema.dropTable('pulse_entity_policy');
};
