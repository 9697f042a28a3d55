/*
 * Latency of each read endpoint beside its floor: every sample requests the endpoint, then runs the floor for the same
 * entity, team or page straight on the database, one at a time, so both see the same caches.
 */
import { DAY, randomOf } from './dataset.mjs';
import { doraFloor, sloFloor, surveyOverviewFloor, surveyResultsFloor } from './floors.mjs';

const WARM_UP = 10;

/** Nearest-rank percentile of sorted milliseconds. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

async function timed(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Times `samples` (endpoint, floor) pairs after a short warm-up. */
async function measurePair(name, group, samples, backend, db) {
  const api = [];
  const floor = [];
  for (const [i, sample] of samples.entries()) {
    const apiMs = await timed(() => backend.request('GET', sample.route));
    const query = sample.floor(Date.now());
    const floorMs = await timed(() => db.query(query.text, query.values));
    if (i >= Math.min(WARM_UP, samples.length - 1)) {
      api.push(apiMs);
      floor.push(floorMs);
    }
  }
  const result = { name, group, api: summary(api), floor: summary(floor) };
  result.ratio = result.api.p95 / result.floor.p95;
  return result;
}

/** Picks `count` items with replacement, seeded. */
function pick(items, count, seed) {
  const random = randomOf(seed);
  return Array.from({ length: count }, () => items[Math.floor(random() * items.length)]);
}

export async function measureLatencies({ backend, db, organisation, rounds, entitySamples, log }) {
  const services = pick(organisation.services, entitySamples + WARM_UP, 42);
  const teams = pick(organisation.teams, Math.min(60, entitySamples) + WARM_UP, 43);
  const latest = rounds[rounds.length - 1];
  const previous = rounds[rounds.length - 2] ?? latest;
  const teamsByEntity = new Map(organisation.services.map(s => [s.ref, s.team.ref]));
  const doraWindow = now => ({ from: now - 90 * DAY, to: now });
  const teamEntities = team => organisation.services.filter(s => s.team === team).map(s => s.ref);
  const path = ref => ref.replace(':', '/');

  const plans = [
    ['SLO report', 'entity', services.map(s => ({ route: `/pulse/slo/entities/${path(s.ref)}`, floor: now => sloFloor(s.ref, now) }))],
    ['Release gate', 'entity', services.map(s => ({
      route: `/pulse/slo/entities/${path(s.ref)}/release-gate`,
      floor: now => sloFloor(s.ref, now),
    }))],
    ['DORA scorecard', 'entity', services.map(s => ({
      route: `/pulse/dora/entities/${path(s.ref)}`,
      floor: now => doraFloor({ entityRefs: [s.ref], ...doraWindow(now), buckets: ['week'] }),
    }))],
    ['Survey results (entity)', 'entity', services.map(s => ({
      route: `/pulse/surveys/rounds/${latest.id}/results?entityRef=${encodeURIComponent(s.ref)}`,
      floor: () => surveyResultsFloor(latest.id, { entityRef: s.ref }),
    }))],
    ['DORA team scorecard', 'team', teams.map(t => ({
      route: `/pulse/dora/groups/default/${t.name}`,
      floor: now => doraFloor({ entityRefs: teamEntities(t), ...doraWindow(now), buckets: ['week', 'entity'] }),
    }))],
    ['Survey results (team)', 'team', teams.map(t => ({
      route: `/pulse/surveys/rounds/${latest.id}/results?groupRef=${encodeURIComponent(t.ref)}`,
      floor: () => surveyResultsFloor(latest.id, { groupRef: t.ref }),
    }))],
    ['DORA teams ranking', 'org', Array.from({ length: 30 }, () => ({
      route: '/pulse/dora/groups',
      floor: now => doraFloor({
        entityRefs: [...teamsByEntity.keys()],
        ...doraWindow(now),
        buckets: ['team', 'team-week'],
        teams: teamsByEntity,
      }),
    }))],
    ['Survey overview', 'org', Array.from({ length: 30 }, () => ({
      route: `/pulse/surveys/overview?roundId=${latest.id}`,
      floor: () => surveyOverviewFloor(latest.id, previous.id),
    }))],
  ];
  const results = [];
  for (const [name, group, samples] of plans) {
    backend.enter(`reads: ${name}`);
    const result = await measurePair(name, group, samples, backend, db);
    log(`  ${name}: API p50 ${result.api.p50.toFixed(1)} p95 ${result.api.p95.toFixed(1)} ms; floor p95 ` +
      `${result.floor.p95.toFixed(1)} ms; ratio ${result.ratio.toFixed(2)}`);
    results.push(result);
  }
  return results;
}
