// @ts-check

/**
 * On PostgreSQL, numbers the rows of each answer that existed before `seq` did (several choices of one question got
 * 0) and makes (response_id, question_id, seq) the answer table's key, as it is on SQLite. SQLite was numbered when
 * its table was rebuilt.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (String(knex.client.config.client).includes('sqlite')) return;
  await knex.raw(
    `UPDATE pulse_survey_answer a SET seq = n.seq
     FROM (SELECT ctid, row_number() OVER (PARTITION BY response_id, question_id ORDER BY choice) - 1 AS seq
           FROM pulse_survey_answer) n
     WHERE a.ctid = n.ctid`,
  );
  await knex.schema.alterTable('pulse_survey_answer', table => {
    table.primary(['response_id', 'question_id', 'seq']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (String(knex.client.config.client).includes('sqlite')) return;
  await knex.schema.alterTable('pulse_survey_answer', table => {
    table.dropPrimary();
  });
};
