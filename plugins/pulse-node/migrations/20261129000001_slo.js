// @ts-check

/**
 * SLO definitions and SLI samples. Instants are epoch milliseconds in BIGINT columns, so window arithmetic is the same
 * integer math on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_slo', table => {
    table.comment('SLO definitions (OpenSLO v1 kind SLO), one row per entity and SLO name');
    table.increments('id');
    table.string('entity_ref', 255).notNullable().comment('Lower-cased entity ref, kind:namespace/name');
    table.string('name', 255).notNullable().comment('OpenSLO metadata.name');
    table.text('description');
    table.text('definition').notNullable().comment('The normalized SLO definition as JSON');
    table.string('source', 32).notNullable().defaultTo('api').comment("'api' or 'annotation'");
    table.text('source_location').comment('Where an annotation-discovered definition was read');
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['entity_ref', 'name']);
  });

  await knex.schema.createTable('pulse_sli_sample', table => {
    table.comment('Raw SLI event counts for the interval starting at ts; replaced, never summed, on re-post');
    table.integer('slo_id').unsigned().notNullable().references('id').inTable('pulse_slo').onDelete('CASCADE');
    table.bigInteger('ts').notNullable();
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.primary(['slo_id', 'ts']);
  });

  await knex.schema.createTable('pulse_sli_rollup', table => {
    table.comment('Hourly sums of raw samples older than the longest window in use (the raw rows are deleted)');
    table.integer('slo_id').unsigned().notNullable().references('id').inTable('pulse_slo').onDelete('CASCADE');
    table.string('resolution', 8).notNullable().comment("'hour' (the only resolution written so far)");
    table.bigInteger('ts').notNullable().comment('Start of the hour, epoch ms');
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.primary(['slo_id', 'resolution', 'ts']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_sli_rollup');
  await knex.schema.dropTable('pulse_sli_sample');
  await knex.schema.dropTable('pulse_slo');
};
