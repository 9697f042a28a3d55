/*
 * Loads the data set: SLO definitions, SLI samples and DORA events through the HTTP API (timing the ingestion at batch
 * sizes 1, 100 and 1,000), hourly roll-ups and survey rounds and responses straight into the tables.
 */
import { randomUUID } from 'node:crypto';
import {
  deliveryOf,
  hourlyRollupsOf,
  sloDocumentOf,
  SLO_NAME,
  sliSamplesOf,
  surveyPerRound,
  surveyResponsesOf,
  surveyRoundsOf,
} from './dataset.mjs';

const CONCURRENCY = 4;

/** Runs `fn` over every item of an iterator with at most `concurrency` at once. */
async function pool(iterator, concurrency, fn) {
  const workers = Array.from({ length: concurrency }, async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await fn(next.value);
  });
  await Promise.all(workers);
}

/** Round-robin over per-service generators: `size` items of one service per batch, services taking turns. */
function* batchesOf(generators, size) {
  let live = [...generators];
  while (live.length > 0) {
    const still = [];
    for (const generator of live) {
      const batch = [];
      for (let next = generator.next(); ; next = generator.next()) {
        if (next.done) break;
        batch.push(next.value);
        if (batch.length === size) break;
      }
      // Decided before the yield: the consumer may empty the batch it is handed.
      if (batch.length === size) still.push(generator);
      if (batch.length > 0) yield batch;
    }
    live = still;
  }
}

/** The next `count` items of the generators, re-batched to `size`. */
function* take(batches, count, size) {
  let pending = [];
  let taken = 0;
  while (taken < count) {
    if (pending.length === 0) {
      const next = batches.next();
      if (next.done) return;
      pending = next.value;
    }
    const batch = pending.splice(0, Math.min(size, count - taken));
    taken += batch.length;
    yield batch;
  }
}

/**
 * Posts a stream in three phases, batches of 1, 100 and 1,000 items (the first `counts[0]` items one by one, the next
 * `counts[1]` a hundred at a time, the rest by thousands), and answers items per second of each phase.
 */
async function ingestPhases(backend, route, perService, counts, log) {
  const stream = batchesOf(perService, 1000);
  const phases = [];
  for (const [size, count] of [[1, counts[0]], [100, counts[1]], [1000, Infinity]]) {
    let items = 0;
    let requests = 0;
    const started = performance.now();
    await pool(take(stream, count, size), CONCURRENCY, async batch => {
      await backend.request('POST', route, { items: batch });
      items += batch.length;
      requests++;
    });
    const seconds = (performance.now() - started) / 1000;
    phases.push({ batchSize: size, items, requests, seconds, itemsPerSecond: items / seconds });
    log(`  ${route} batch ${size}: ${items} items in ${seconds.toFixed(1)} s = ${Math.round(items / seconds)}/s`);
  }
  return phases;
}

export async function loadSlos(backend, organisation) {
  await pool(organisation.services.values(), CONCURRENCY * 2, service =>
    backend.request('PUT', `/pulse/slo/entities/component/default/${service.name}/slos/${SLO_NAME}`, sloDocumentOf(service)),
  );
}

/** Hourly roll-ups before the raw window: the API has no way in for them (the roll-up job writes them). */
export async function loadRollups(db, organisation, { now, days, sampleMinutes }) {
  const ids = new Map((await db.query('SELECT id, entity_ref FROM pulse_slo')).map(r => [r.entity_ref, Number(r.id)]));
  let rows = 0;
  for (const service of organisation.services) {
    const sloId = ids.get(service.ref);
    const batch = [...hourlyRollupsOf(service, now, days, sampleMinutes)].map(r => [sloId, 'hour', r.ts, r.good, r.total]);
    await db.insertMany('pulse_sli_rollup', ['slo_id', 'resolution', 'ts', 'good', 'total'], batch,
      ['int', 'text', 'bigint', 'bigint', 'bigint']);
    rows += batch.length;
  }
  return rows;
}

export async function loadSamples(backend, organisation, { now, sampleMinutes }, log) {
  const perService = organisation.services.map(s => sliSamplesOf(s, now, sampleMinutes));
  return ingestPhases(backend, '/pulse/slo/samples', perService, [2000, 20_000], log);
}

export async function loadDelivery(backend, organisation, { now, days }, log) {
  const of = kind => organisation.services.map(s => deliveryOf(s, now, days)[kind].values());
  return {
    changes: await ingestPhases(backend, '/pulse/dora/changes', of('changes'), [1000, 10_000], log),
    deployments: await ingestPhases(backend, '/pulse/dora/deployments', of('deployments'), [1000, 10_000], log),
    incidents: await ingestPhases(backend, '/pulse/dora/incidents', of('incidents'), [100, 1000], log),
  };
}

/**
 * Survey rounds and responses, straight into the tables: answering needs a signed-in user per response, and the
 * benchmark cannot mint user tokens for 2,000 developers (nor manager tokens for the rounds).
 */
export async function loadSurveys(db, organisation, { now, days }) {
  const rounds = [];
  for (const round of surveyRoundsOf(now, days)) {
    await db.insertMany(
      'pulse_survey_round',
      ['template_id', 'title', 'target_type', 'target_ref', 'opens_at', 'closes_at', 'closed_at', 'created_by', 'created_at'],
      [['developer-experience-5min', round.title, 'components', null, round.opensAt, round.closesAt, null, 'user:default/dev-00000', round.opensAt]],
      ['text', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'text', 'bigint'],
    );
    const [{ id }] = await db.query('SELECT MAX(id) AS id FROM pulse_survey_round');
    rounds.push({ ...round, id: Number(id) });
  }
  let responses = 0;
  for (const [index, round] of rounds.entries()) {
    const participation = [];
    const responseRows = [];
    const answerRows = [];
    for (const response of surveyResponsesOf(organisation, index, surveyPerRound())) {
      const id = randomUUID();
      participation.push([round.id, response.userRef]);
      responseRows.push([id, round.id, response.entityRef, response.groupRef]);
      for (const [question, value] of Object.entries(response.answers)) {
        // seq: the row's place among the rows of one answer (the key of the answer table).
        if (Array.isArray(value)) value.forEach((choice, seq) => answerRows.push([id, question, seq, null, choice, null]));
        else if (typeof value === 'number') answerRows.push([id, question, 0, value, null, null]);
        else answerRows.push([id, question, 0, null, null, value]);
      }
    }
    await db.insertMany('pulse_survey_participation', ['round_id', 'user_ref'], participation, ['int', 'text']);
    await db.insertMany('pulse_survey_response', ['id', 'round_id', 'entity_ref', 'group_ref'], responseRows,
      ['text', 'int', 'text', 'text']);
    for (let i = 0; i < answerRows.length; i += 20_000) {
      await db.insertMany('pulse_survey_answer', ['response_id', 'question_id', 'seq', 'value_number', 'choice', 'value_text'],
        answerRows.slice(i, i + 20_000), ['text', 'text', 'int', 'float8', 'text', 'text']);
    }
    responses += responseRows.length;
  }
  return { rounds, responses };
}
