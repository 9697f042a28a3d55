// @ts-check

/**
 * Developer-satisfaction surveys. Who answered (pulse_survey_participation) and what was answered (pulse_survey_response,
 * pulse_survey_answer) live in separate tables with nothing to join them on: responses have random ids, no user and no
 * timestamp, so neither row order nor time can link a person to their answers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_survey_template', table => {
    table.string('id', 255).primary();
    table.string('title', 255).notNullable();
    table.text('description');
    table.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('pulse_survey_question', table => {
    table.string('template_id', 255).notNullable().references('id').inTable('pulse_survey_template').onDelete('CASCADE');
    table.string('id', 255).notNullable();
    table.integer('position').notNullable();
    table.string('type', 16).notNullable().comment("'scale', 'nps', 'choice' or 'text'");
    table.text('prompt').notNullable();
    table.text('options').comment('JSON: scale bounds and labels, or the choices');
    table.boolean('required').notNullable().defaultTo(true);
    table.primary(['template_id', 'id']);
  });

  await knex.schema.createTable('pulse_survey_round', table => {
    table.increments('id');
    table.string('template_id', 255).notNullable().references('id').inTable('pulse_survey_template');
    table.string('title', 255).notNullable();
    table.string('target_type', 16).notNullable().comment("'entity', 'group' or 'components'");
    table.string('target_ref', 255).comment('The entity or group targeted; null for every Component');
    table.bigInteger('opens_at').notNullable();
    table.bigInteger('closes_at').notNullable();
    table.bigInteger('closed_at').comment('Set when closed early by a manager');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['opens_at', 'closes_at'], 'pulse_survey_round_open_idx');
  });

  await knex.schema.createTable('pulse_survey_participation', table => {
    table.comment('Who took part in which round; never linked to answers');
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.primary(['round_id', 'user_ref']);
  });

  await knex.schema.createTable('pulse_survey_response', table => {
    table.comment('One anonymous response: random id, no user, no timestamp');
    table.string('id', 36).primary();
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable().comment('The entity whose tab it was answered on');
    table.string('group_ref', 255).comment('The entity owner at the time of answering');
    table.index(['round_id', 'entity_ref'], 'pulse_survey_response_round_entity_idx');
    table.index(['round_id', 'group_ref'], 'pulse_survey_response_round_group_idx');
    // Trends of one entity across rounds.
    table.index(['entity_ref'], 'pulse_survey_response_entity_idx');
  });

  await knex.schema.createTable('pulse_survey_answer', table => {
    table.string('response_id', 36).notNullable().references('id').inTable('pulse_survey_response').onDelete('CASCADE');
    table.string('question_id', 255).notNullable();
    table.double('value_number').comment('Scale and NPS answers');
    table.string('choice', 255).comment('One row per selected choice of a multiple-choice question');
    table.text('value_text').comment('Free-text answers');
    table.index(['response_id'], 'pulse_survey_answer_response_idx');
    table.index(['question_id'], 'pulse_survey_answer_question_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_survey_answer');
  await knex.schema.dropTable('pulse_survey_response');
  await knex.schema.dropTable('pulse_survey_participation');
  await knex.schema.dropTable('pulse_survey_round');
  await knex.schema.dropTable('pulse_survey_question');
  await knex.schema.dropTable('pulse_survey_template');
};
