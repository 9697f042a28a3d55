// @ts-check

/**
 * On-call pages: one row per page (an alert that notified a person), keyed by the id its source gives. A later event
 * of the same page fills the fields still empty; a field once set keeps its first value. Instants are epoch ms.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_oncall_page', table => {
    table.string('id', 255).primary();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('triggered_at').notNullable();
    table.bigInteger('acknowledged_at');
    table.bigInteger('resolved_at');
    table.string('urgency', 8).notNullable().comment("'high' or 'low'; only high-urgency pages are counted");
    table.string('responder_ref', 255).comment('The catalog User who was paged; shown to that user alone');
    table.string('source', 255);
    table.bigInteger('updated_at').notNullable();
    table.index(['entity_ref', 'triggered_at'], 'pulse_oncall_page_entity_triggered_idx');
    table.index(['responder_ref', 'triggered_at'], 'pulse_oncall_page_responder_triggered_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_oncall_page');
};
