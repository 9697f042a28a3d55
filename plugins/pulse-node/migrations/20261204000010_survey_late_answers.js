// @ts-check

/**
 * How many answers each leaf (entity under its owning group) of a round received after its last batch, released when
 * the round closed. In `batched` mode the results had shown the batches; a node that grew at close by fewer than the
 * minimum would reveal those late answers by subtraction, so the rules hide it. Counts only: no answer, no person.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_survey_late', table => {
    table.comment('Answers released at close, counted per leaf; no answer and no person');
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('group_ref', 255).notNullable().comment("The owning group; '' for none");
    table.integer('answers').notNullable();
    table.primary(['round_id', 'entity_ref', 'group_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_survey_late');
};
