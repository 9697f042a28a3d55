/*
 * The benchmark's data set, generated deterministically (seeded pseudo-random, relative to `now`): teams, services,
 * users, and generators of every event, so nothing larger than one batch is held in memory.
 */
import { seededRandom } from '../scripts/lib/seededRandom.mjs';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Days of raw SLI samples: one 28-day SLO window; hourly roll-ups cover the rest of the year. */
export const RAW_DAYS = 28;
export const SERVICES_PER_TEAM = 20;
export const USERS_PER_TEAM = 40;
export const SLO_NAME = 'availability';
export const SURVEY_ROUNDS = 12;
export const SURVEY_RESPONSES = 20_000;
const DEPLOYMENTS_PER_SERVICE_YEAR = 250;
const COMMITS_PER_DEPLOYMENT = 4;
const INCIDENTS_PER_SERVICE_YEAR = 5;

/** A seeded generator, so two runs load the same data. */
export const randomOf = seededRandom;

const pad = (n, width) => String(n).padStart(width, '0');

/** The organisation: teams under one department, services and developers per team. */
export function organisationOf({ services }) {
  const teamCount = Math.max(1, Math.ceil(services / SERVICES_PER_TEAM));
  const teams = Array.from({ length: teamCount }, (_, t) => ({ name: `team-${pad(t, 3)}`, ref: `group:default/team-${pad(t, 3)}` }));
  const serviceList = Array.from({ length: services }, (_, s) => ({
    name: `svc-${pad(s, 4)}`,
    ref: `component:default/svc-${pad(s, 4)}`,
    index: s,
    team: teams[Math.floor(s / SERVICES_PER_TEAM)],
  }));
  const users = teams.flatMap((team, t) =>
    Array.from({ length: USERS_PER_TEAM }, (_, u) => ({ name: `dev-${pad(t * USERS_PER_TEAM + u, 5)}`, team })),
  );
  return { teams, services: serviceList, users };
}

/** The OpenSLO document of a service: 99.9% of requests succeed over a rolling 28 days. */
export function sloDocumentOf(service) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: SLO_NAME, displayName: `${service.name} availability` },
    spec: {
      service: service.name,
      indicator: {
        metadata: { name: `${service.name}-success` },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'Prometheus', spec: { query: `good{service="${service.name}"}` } } },
            total: { metricSource: { type: 'Prometheus', spec: { query: `total{service="${service.name}"}` } } },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: '99.9% of requests succeed', target: 0.999 }],
    },
  };
}

/** Where raw samples start: the hour the 28-day window reaches back to; roll-ups end there. */
export const rawStartOf = now => Math.floor((now - RAW_DAYS * DAY) / HOUR) * HOUR;

/** SLI event counts of one service at one instant: ~1,000 requests, a few failures, now and then a bad spell. */
function sliCounts(service, ts) {
  const r = randomOf(service.index * 7919 + Math.floor(ts / MINUTE))();
  const total = 800 + Math.floor(r * 400);
  const spell = (Math.floor(ts / (6 * HOUR)) + service.index) % 97 === 0;
  const bad = Math.floor(total * (spell ? 0.02 : 0.0005) * (r * 2));
  return { total, bad };
}

/** The raw SLI samples of one service, oldest first, every `sampleMinutes` from the raw start to now. */
export function* sliSamplesOf(service, now, sampleMinutes) {
  const step = sampleMinutes * MINUTE;
  const last = Math.floor(now / step) * step - step;
  for (let ts = rawStartOf(now); ts <= last; ts += step) {
    const { total, bad } = sliCounts(service, ts);
    yield { entityRef: service.ref, slo: SLO_NAME, timestamp: new Date(ts).toISOString(), bad, total };
  }
}

/** Hourly roll-up rows (good, total per hour) of one service for the days before the raw samples. */
export function* hourlyRollupsOf(service, now, days, sampleMinutes) {
  const end = rawStartOf(now);
  const perHour = 60 / sampleMinutes;
  for (let ts = end - (days - RAW_DAYS) * DAY; ts < end; ts += HOUR) {
    const { total, bad } = sliCounts(service, ts);
    yield { ts, good: (total - bad) * perHour, total: total * perHour };
  }
}

/** Services deploy at different paces (elite to low), so the tiers spread. */
const paceOf = service => [2.2, 1.4, 1, 0.5, 0.15][service.index % 5];

/**
 * Deployments, the changes they ship and incidents of one service over `days`, oldest first. Scaled so that 1,000
 * services over a year make about 250,000 deployments, 1,000,000 changes and 5,000 incidents.
 */
export function deliveryOf(service, now, days) {
  const random = randomOf(service.index * 104729 + 17);
  const scale = days / 365;
  const count = Math.round(DEPLOYMENTS_PER_SERVICE_YEAR * scale * paceOf(service) / 1.05);
  const start = now - days * DAY;
  const deployments = [];
  const changes = [];
  for (let d = 0; d < count; d++) {
    const finishedAt = Math.floor(start + ((d + random()) / count) * (days * DAY - HOUR));
    const id = `${service.name}-deploy-${pad(d, 5)}`;
    const commits = [];
    for (let c = 0; c < COMMITS_PER_DEPLOYMENT; c++) {
      const sha = `${service.name}-${pad(d, 5)}-${c}`;
      commits.push(sha);
      const createdAt = finishedAt - Math.floor((1 + random() * 160 * (1 + (service.index % 4))) * HOUR);
      changes.push({ id: sha, entityRef: service.ref, createdAt: new Date(createdAt).toISOString() });
    }
    deployments.push({
      id,
      entityRef: service.ref,
      environment: 'production',
      startedAt: new Date(finishedAt - 10 * MINUTE).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      status: random() < 0.04 + (service.index % 7) * 0.02 ? 'failure' : 'success',
      commits,
      rework: random() < 0.05,
    });
  }
  const incidents = [];
  const incidentCount = Math.round(INCIDENTS_PER_SERVICE_YEAR * scale);
  for (let i = 0; i < incidentCount && deployments.length > 0; i++) {
    const cause = deployments[Math.floor(random() * deployments.length)];
    const createdAt = Date.parse(cause.finishedAt) + Math.floor(random() * 6 * HOUR);
    incidents.push({
      id: `${service.name}-inc-${pad(i, 3)}`,
      entityRef: service.ref,
      createdAt: new Date(createdAt).toISOString(),
      resolvedAt: new Date(createdAt + Math.floor((0.2 + random() * 30) * HOUR)).toISOString(),
      ...(i % 2 === 0 ? { deploymentId: cause.id } : {}),
    });
  }
  return { deployments, changes, incidents };
}

/** The survey rounds: one a month over the year (the newest still open), targeting every Component. */
export function surveyRoundsOf(now, days) {
  const span = Math.min(days, 365) * DAY;
  return Array.from({ length: SURVEY_ROUNDS }, (_, r) => {
    const opensAt = now - span + Math.floor((r / SURVEY_ROUNDS) * span);
    return { title: `Developer experience ${pad(r + 1, 2)}`, opensAt, closesAt: opensAt + 14 * DAY };
  });
}

const PAIN_POINTS = ['slow-builds', 'flaky-tests', 'code-review-wait', 'deployment-friction', 'local-environment',
  'missing-docs', 'unclear-ownership', 'interruptions', 'noisy-alerts', 'tech-debt'];
const SCALES = ['satisfaction', 'ease-of-shipping', 'feedback-speed', 'documentation', 'cognitive-load', 'focus-time', 'on-call'];

/**
 * Survey responses of one round: each answering developer picks one of their team's services, the first services of a
 * team far more often (so some entities have enough responses to show and most do not).
 */
export function* surveyResponsesOf(organisation, roundIndex, perRound) {
  const random = randomOf(roundIndex * 31 + 5);
  const { users, services } = organisation;
  const stride = Math.max(1, Math.floor(users.length / perRound));
  for (let u = 0, n = 0; u < users.length && n < perRound; u += stride, n++) {
    const user = users[(u + roundIndex) % users.length];
    const teamServices = services.filter(s => s.team === user.team);
    const service = teamServices[Math.floor(teamServices.length * random() ** 2)];
    const answers = Object.fromEntries(SCALES.map(q => [q, 1 + Math.floor(random() * 5)]));
    answers.nps = Math.floor(random() * 11);
    answers['pain-points'] = PAIN_POINTS.filter(() => random() < 0.2);
    if (random() < 0.3) answers['one-change'] = `Change ${Math.floor(random() * 50)}`;
    yield { userRef: `user:default/${user.name}`, entityRef: service.ref, groupRef: user.team.ref, answers };
  }
}

export const surveyPerRound = () => Math.ceil(SURVEY_RESPONSES / SURVEY_ROUNDS);
