// @ts-check

/**
 * The inbox: every signed webhook delivery and every CDEvent, stored raw when it arrives and processed afterwards by
 * a worker, so that a catalog outage, a restart or an unmapped repository never loses it. Rows expire per source.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pulse_delivery', table => {
    table.comment('Raw deliveries from webhooks and CDEvents senders, with their processing state');
    table.increments('id').comment('Arrival order');
    table.string('source', 64).notNullable().comment("'github', 'pagerduty', 'cdevents', ...");
    table.string('external_id', 512).comment("The sender's id (X-GitHub-Delivery, PagerDuty event.id, CloudEvent source + id)");
    table.string('event', 255).comment('The event type as the sender names it');
    table.string('subject', 512).comment('What names the entity (annotation=value): deliveries of one subject run in arrival order');
    table.string('entity_ref', 255).comment('The component it was placed on');
    table.text('payload').notNullable().comment('The raw body, without headers or signatures');
    table.string('status', 16).notNullable().comment("'pending', 'processed', 'ignored', 'parked' or 'failed'");
    table.text('reason').comment('Why it was ignored or parked, or the last error');
    table.integer('attempts').notNullable().defaultTo(0).comment('Failed processing attempts');
    table.bigInteger('next_attempt_at').notNullable().comment('Epoch ms: when a pending or parked delivery is due');
    table.string('claim_token', 64).comment('The worker that holds it until claimed_until');
    table.bigInteger('claimed_until');
    table.bigInteger('received_at').notNullable();
    table.bigInteger('processed_at');
    table.bigInteger('expires_at').notNullable().comment('Epoch ms: received_at + the source retention');
    table.unique(['source', 'external_id'], { indexName: 'pulse_delivery_source_external_uq' });
    table.index(['status', 'next_attempt_at'], 'pulse_delivery_due_idx');
    table.index(['subject', 'status'], 'pulse_delivery_subject_idx');
    table.index(['expires_at'], 'pulse_delivery_expires_idx');
    table.index(['entity_ref'], 'pulse_delivery_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pulse_delivery');
};
