// @ts-check

/**
 * Survey anonymity that survives a database reader, a stopwatch and a subtraction (issue #15):
 *
 * - pulse_survey_pending: answers wait here, written apart from participation, until they are released into the
 *   response tables in shuffled batches. Keyed by a random id (WITHOUT ROWID on SQLite), no user, no time.
 * - pulse_survey_response and pulse_survey_answer are rebuilt on SQLite as WITHOUT ROWID tables keyed by the random
 *   response id, so their physical order follows a random key and no rowid counts up with participation. On
 *   PostgreSQL the tables stay; only the answer key column `seq` is added.
 * - pulse_survey_participation_count: who took part, reduced to counts per group once a round is closed.
 * - pulse_survey_round_group / pulse_survey_round_owner: the group tree and the entities' owning groups of a round,
 *   frozen when the round is created.
 * - pulse_survey_template_version: immutable template versions; a round points at one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const sqlite = String(knex.client.config.client).includes('sqlite');

  // Templates: one immutable version per content; rounds keep the version they were created with.
  await knex.schema.createTable('pulse_survey_template_version', table => {
    table.comment('Immutable template versions: a round points at one, so later edits do not reinterpret it');
    table.string('template_id', 255).notNullable().references('id').inTable('pulse_survey_template').onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('title', 255).notNullable();
    table.text('description');
    table.text('questions').notNullable().comment('JSON: the questions in order');
    table.bigInteger('created_at').notNullable();
    table.primary(['template_id', 'version']);
  });
  const templates = await knex('pulse_survey_template').select('id', 'title', 'description', 'created_at');
  for (const template of templates) {
    const rows = await knex('pulse_survey_question').where('template_id', template.id).orderBy('position');
    const questions = rows.map(q => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      required: Boolean(q.required),
      ...JSON.parse(q.options ?? '{}'),
    }));
    await knex('pulse_survey_template_version').insert({
      template_id: template.id,
      version: 1,
      title: template.title,
      description: template.description,
      questions: JSON.stringify(questions),
      created_at: template.created_at,
    });
  }
  await knex.schema.dropTable('pulse_survey_question');

  await knex.schema.alterTable('pulse_survey_round', table => {
    table.integer('template_version').notNullable().defaultTo(1);
    table
      .string('audience', 16)
      .notNullable()
      .defaultTo('owners')
      .comment("'owners': members of an owning group answer; 'everyone': any signed-in user");
    table.bigInteger('finalized_at').comment('When the remainder was released and participation reduced to counts');
  });
  // Rounds created before this migration let anyone answer anywhere: say so rather than pretend otherwise.
  await knex('pulse_survey_round').update({ audience: 'everyone' });

  await knex.schema.createTable('pulse_survey_round_group', table => {
    table.comment('The group tree of a round, frozen when the round is created');
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('group_ref', 255).notNullable();
    table.string('parent_ref', 255);
    table.primary(['round_id', 'group_ref']);
  });
  await knex.schema.createTable('pulse_survey_round_owner', table => {
    table.comment('The owning groups of each asked entity, frozen when the round is created');
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('group_ref', 255).notNullable();
    table.primary(['round_id', 'entity_ref', 'group_ref']);
  });

  await knex.schema.createTable('pulse_survey_participation_count', table => {
    table.comment('Who took part, reduced to counts per group once the round is closed');
    table.integer('round_id').unsigned().notNullable().references('id').inTable('pulse_survey_round').onDelete('CASCADE');
    table.string('group_ref', 255).notNullable();
    table.integer('members').notNullable();
    table.integer('participants').notNullable();
    table.primary(['round_id', 'group_ref']);
  });

  // The pending pool and the rebuilt response tables: WITHOUT ROWID on SQLite, so order follows the random key.
  const withoutRowid = sqlite ? ' WITHOUT ROWID' : '';
  await knex.raw(
    `CREATE TABLE pulse_survey_pending (
       id varchar(36) NOT NULL PRIMARY KEY,
       round_id integer NOT NULL REFERENCES pulse_survey_round (id) ON DELETE CASCADE,
       entity_ref varchar(255) NOT NULL,
       group_ref varchar(255),
       answers text NOT NULL
     )${withoutRowid}`,
  );
  await knex.schema.alterTable('pulse_survey_pending', table => {
    table.index(['round_id', 'entity_ref', 'group_ref'], 'pulse_survey_pending_leaf_idx');
  });

  if (sqlite) {
    await knex.raw('ALTER TABLE pulse_survey_answer RENAME TO pulse_survey_answer_old');
    await knex.raw('ALTER TABLE pulse_survey_response RENAME TO pulse_survey_response_old');
    await knex.raw(
      `CREATE TABLE pulse_survey_response (
         id varchar(36) NOT NULL PRIMARY KEY,
         round_id integer NOT NULL REFERENCES pulse_survey_round (id) ON DELETE CASCADE,
         entity_ref varchar(255) NOT NULL,
         group_ref varchar(255)
       ) WITHOUT ROWID`,
    );
    await knex.raw(
      `CREATE TABLE pulse_survey_answer (
         response_id varchar(36) NOT NULL REFERENCES pulse_survey_response (id) ON DELETE CASCADE,
         question_id varchar(255) NOT NULL,
         seq integer NOT NULL,
         value_number float,
         choice varchar(255),
         value_text text,
         PRIMARY KEY (response_id, question_id, seq)
       ) WITHOUT ROWID`,
    );
    await knex.raw(
      `INSERT INTO pulse_survey_response (id, round_id, entity_ref, group_ref)
       SELECT id, round_id, entity_ref, group_ref FROM pulse_survey_response_old ORDER BY id`,
    );
    await knex.raw(
      `INSERT INTO pulse_survey_answer (response_id, question_id, seq, value_number, choice, value_text)
       SELECT response_id, question_id,
              row_number() OVER (PARTITION BY response_id, question_id ORDER BY choice) - 1,
              value_number, choice, value_text
       FROM pulse_survey_answer_old ORDER BY response_id`,
    );
    await knex.raw('DROP TABLE pulse_survey_answer_old');
    await knex.raw('DROP TABLE pulse_survey_response_old');
    await knex.schema.alterTable('pulse_survey_response', table => {
      table.index(['round_id', 'entity_ref'], 'pulse_survey_response_round_entity_idx');
      table.index(['round_id', 'group_ref'], 'pulse_survey_response_round_group_idx');
      table.index(['entity_ref'], 'pulse_survey_response_entity_idx');
    });
    await knex.schema.alterTable('pulse_survey_answer', table => {
      table.index(['question_id'], 'pulse_survey_answer_question_idx');
    });
  } else {
    await knex.schema.alterTable('pulse_survey_answer', table => {
      table.integer('seq').notNullable().defaultTo(0).comment('Position among the rows of one answer (choices)');
    });
  }
};

/**
 * Back to the earlier schema: questions of each template's latest version, no versions, snapshots, counts or pool.
 * What only this schema holds (older versions, counts per group, pending answers) is lost.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const sqlite = String(knex.client.config.client).includes('sqlite');
  for (const table of ['pulse_survey_pending', 'pulse_survey_participation_count', 'pulse_survey_round_owner', 'pulse_survey_round_group']) {
    await knex.schema.dropTable(table);
  }
  for (const column of ['template_version', 'audience', 'finalized_at']) {
    await knex.raw(`ALTER TABLE pulse_survey_round DROP COLUMN ${column}`);
  }

  if (sqlite) {
    await knex.raw('ALTER TABLE pulse_survey_answer RENAME TO pulse_survey_answer_old');
    await knex.raw('DROP INDEX pulse_survey_answer_question_idx');
    await knex.schema.createTable('pulse_survey_answer', table => {
      table.string('response_id', 36).notNullable().references('id').inTable('pulse_survey_response').onDelete('CASCADE');
      table.string('question_id', 255).notNullable();
      table.double('value_number');
      table.string('choice', 255);
      table.text('value_text');
      table.index(['response_id'], 'pulse_survey_answer_response_idx');
      table.index(['question_id'], 'pulse_survey_answer_question_idx');
    });
    await knex.raw(
      `INSERT INTO pulse_survey_answer (response_id, question_id, value_number, choice, value_text)
       SELECT response_id, question_id, value_number, choice, value_text FROM pulse_survey_answer_old`,
    );
    await knex.raw('DROP TABLE pulse_survey_answer_old');
  } else {
    await knex.raw('ALTER TABLE pulse_survey_answer DROP COLUMN seq');
  }

  await knex.schema.createTable('pulse_survey_question', table => {
    table.string('template_id', 255).notNullable().references('id').inTable('pulse_survey_template').onDelete('CASCADE');
    table.string('id', 255).notNullable();
    table.integer('position').notNullable();
    table.string('type', 16).notNullable();
    table.text('prompt').notNullable();
    table.text('options');
    table.boolean('required').notNullable().defaultTo(true);
    table.primary(['template_id', 'id']);
  });
  const latest = await knex('pulse_survey_template_version as v').whereRaw(
    'v.version = (SELECT MAX(l.version) FROM pulse_survey_template_version l WHERE l.template_id = v.template_id)',
  );
  for (const version of latest) {
    const questions = JSON.parse(version.questions);
    if (questions.length === 0) continue;
    await knex('pulse_survey_question').insert(
      questions.map((/** @type {any} */ q, /** @type {number} */ position) => {
        const { id, type, prompt, required, ...options } = q;
        return { template_id: version.template_id, id, position, type, prompt, required, options: JSON.stringify(options) };
      }),
    );
  }
  await knex.schema.dropTable('pulse_survey_template_version');
};
