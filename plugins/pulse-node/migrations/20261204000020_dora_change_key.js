// @ts-check

/**
 * Changes are keyed by entity and SHA (two components that share a commit each keep their own lead time), and keep the
 * position at which they reached the default branch among changes merged at the same instant (a push's commits), so a
 * deployment of a head SHA covers every earlier change of its entity. The table is rebuilt: SQLite cannot change a
 * primary key in place.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_change_keyed', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('id', 255).notNullable().comment('Commit SHA');
    table.bigInteger('created_at').notNullable().comment('Commit time: the earliest any source reported');
    table.bigInteger('merged_at').comment('When it reached the default branch: the earliest any source reported');
    table.integer('merge_index').notNullable().defaultTo(0).comment('Order among changes with the same merged_at');
    table
      .bigInteger('first_deployed_at')
      .comment('Finish of the first successful production deployment that shipped it; kept up to date on ingestion');
    table.bigInteger('updated_at').notNullable();
    table.primary(['entity_ref', 'id']);
  });
  await knex.raw(
    `INSERT INTO pulse_change_keyed (entity_ref, id, created_at, merged_at, merge_index, first_deployed_at, updated_at)
     SELECT entity_ref, id, created_at, merged_at, 0, first_deployed_at, updated_at FROM pulse_change`,
  );
  await knex.schema.dropTable('pulse_change');
  await knex.schema.renameTable('pulse_change_keyed', 'pulse_change');
  await knex.schema.alterTable('pulse_change', table => {
    table.index(['entity_ref', 'merged_at'], 'pulse_change_entity_merged_idx');
    table.index(['entity_ref', 'first_deployed_at'], 'pulse_change_entity_deployed_idx');
    table.index(['id'], 'pulse_change_sha_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('pulse_change_by_sha', table => {
    table.string('id', 255).primary().comment('Commit SHA');
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('created_at').notNullable().comment('First commit time');
    table.bigInteger('merged_at');
    table.bigInteger('first_deployed_at');
    table.bigInteger('updated_at').notNullable();
  });
  // Keeps one row per SHA (the entity that sorts first), as the old key allowed.
  await knex.raw(
    `INSERT INTO pulse_change_by_sha (id, entity_ref, created_at, merged_at, first_deployed_at, updated_at)
     SELECT c.id, c.entity_ref, c.created_at, c.merged_at, c.first_deployed_at, c.updated_at FROM pulse_change c
     WHERE c.entity_ref = (SELECT MIN(o.entity_ref) FROM pulse_change o WHERE o.id = c.id)`,
  );
  await knex.schema.dropTable('pulse_change');
  await knex.schema.renameTable('pulse_change_by_sha', 'pulse_change');
  await knex.schema.alterTable('pulse_change', table => {
    table.index(['entity_ref', 'created_at'], 'pulse_change_entity_created_idx');
    table.index(['entity_ref', 'first_deployed_at'], 'pulse_change_entity_deployed_idx');
  });
};
