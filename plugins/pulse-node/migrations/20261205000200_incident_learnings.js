// @ts-check

/**
 * What was learned from an incident, stored with it: the text and who last wrote it, when. Written only through
 * PATCH /dora/incidents/:id; ingestion never touches these columns, so a re-delivered incident keeps them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('pulse_incident', table => {
    table.text('learnings').comment('Free text, 1 to 4,000 characters; null until written');
    table.string('learnings_updated_by', 255).comment('user:... who last wrote the learnings');
    table.bigInteger('learnings_updated_at').comment('Epoch ms of the last write of the learnings');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('pulse_incident', table => {
    table.dropColumns('learnings', 'learnings_updated_by', 'learnings_updated_at');
  });
};
