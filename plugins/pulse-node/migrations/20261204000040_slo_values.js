// @ts-check

/**
 * Values of threshold SLIs (OpenSLO thresholdMetric, e.g. p99 latency in ms). They are kept as measured, not as
 * good/bad, so that an objective's `op` and `value` decide what is good when the numbers are read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_sli_value', table => {
    table.comment('Raw threshold SLI values measured at ts; replaced, never summed, on re-post');
    table.integer('slo_id').unsigned().notNullable().references('id').inTable('pulse_slo').onDelete('CASCADE');
    table.bigInteger('ts').notNullable();
    table.double('value').notNullable();
    table.primary(['slo_id', 'ts']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_sli_value');
};
