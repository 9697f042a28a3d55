// @ts-check

/**
 * Composite SLOs (OpenSLO: objectives with their own indicators) have samples per objective. Every sample, value and
 * roll-up row gets the key of the objective it is for; rows of non-composite SLOs, whose objectives all read the same
 * samples, keep the empty key, so existing rows and their sums stay as they were.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @type {Array<[string, string[]]>} */
  const tables = [
    ['pulse_sli_sample', ['slo_id', 'objective', 'ts']],
    ['pulse_sli_value', ['slo_id', 'objective', 'ts']],
    ['pulse_sli_rollup', ['slo_id', 'objective', 'resolution', 'ts']],
  ];
  for (const [table, key] of tables) {
    await knex.schema.alterTable(table, t => {
      t.string('objective', 255).notNullable().defaultTo('').comment("Composite SLOs: the objective's key; '' otherwise");
    });
    await knex.schema.alterTable(table, t => t.dropPrimary());
    await knex.schema.alterTable(table, t => t.primary(key));
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  /** @type {Array<[string, string[]]>} */
  const tables = [
    ['pulse_sli_sample', ['slo_id', 'ts']],
    ['pulse_sli_value', ['slo_id', 'ts']],
    ['pulse_sli_rollup', ['slo_id', 'resolution', 'ts']],
  ];
  for (const [table, key] of tables) {
    await knex(table).whereNot('objective', '').delete();
    await knex.schema.alterTable(table, t => t.dropPrimary());
    await knex.schema.alterTable(table, t => t.primary(key));
    await knex.schema.alterTable(table, t => t.dropColumn('objective'));
  }
};
