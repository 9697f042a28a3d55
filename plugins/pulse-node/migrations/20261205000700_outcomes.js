// @ts-check

/**
 * Outcomes: one document per (owner, outcome id), the owner being an entity or a group, and the values of its two
 * metrics, one row per (owner, outcome, metric, instant) so that a retried push replaces what it wrote. Instants are
 * epoch ms.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_outcome', table => {
    table.string('owner_ref', 255).notNullable().comment('The entity or group the outcome belongs to');
    table.string('outcome_id', 255).notNullable();
    table.text('document').notNullable().comment('The Outcome document as JSON');
    table.string('source', 16).notNullable().comment("'api' or 'annotation'");
    table.string('source_location', 1024);
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['owner_ref', 'outcome_id']);
  });
  await knex.schema.createTable('pulse_outcome_value', table => {
    table.string('owner_ref', 255).notNullable();
    table.string('outcome_id', 255).notNullable();
    table.string('metric', 16).notNullable().comment("'keyResult' or 'customerSignal'");
    table.bigInteger('ts').notNullable();
    table.double('value').notNullable();
    table.string('source', 16).notNullable().comment("'push' or 'prometheus'");
    table.bigInteger('updated_at').notNullable();
    table.primary(['owner_ref', 'outcome_id', 'metric', 'ts']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_outcome_value');
  await knex.schema.dropTable('pulse_outcome');
};
