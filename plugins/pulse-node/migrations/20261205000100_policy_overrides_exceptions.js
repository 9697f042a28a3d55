// @ts-check

/**
 * Error-budget policy from the portal: an entity's override may force a state (with a reason and an expiry), owners
 * grant one-release exceptions, and a gate decision records the exception it used up. Instants are epoch ms.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pulse_entity_policy', table => {
    table.string('state', 16).comment("Forced state: 'normal', 'caution' or 'freeze'; null for thresholds only");
    table.text('reason').comment('Why the override was set (required with a forced state)');
    table.bigInteger('expires_at').comment('When the override stops applying; null: until removed');
  });

  await knex.schema.createTable('pulse_release_exception', table => {
    table.comment('One-release exceptions: each lets one blocked gate check through, once');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.string('granted_by', 255).notNullable();
    table.bigInteger('granted_at').notNullable();
    table.bigInteger('used_at').comment('Set once, by the conditional update of the gate check that used it');
    table.string('used_by', 255).comment('The caller of that gate check');
    table.index(['entity_ref', 'used_at', 'expires_at'], 'pulse_release_exception_entity_idx');
  });

  await knex.schema.alterTable('pulse_gate_decision', table => {
    table.integer('release_exception_id').comment('The one-release exception this check used up');
    table.string('release_exception_granted_by', 255);
    table.text('release_exception_reason');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pulse_gate_decision', table => {
    table.dropColumns('release_exception_id', 'release_exception_granted_by', 'release_exception_reason');
  });
  await knex.schema.dropTable('pulse_release_exception');
  await knex.schema.alterTable('pulse_entity_policy', table => {
    table.dropColumns('state', 'reason', 'expires_at');
  });
};
