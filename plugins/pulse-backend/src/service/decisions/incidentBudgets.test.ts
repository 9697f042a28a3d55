import { TestDatabases } from '@backstage/backend-test-utils';
import { SloDefinition } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { assessIncidentBudgets } from './incidentBudgets';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CHECKOUT = 'component:default/checkout';

/** 99.9% over calendar months in UTC: November 2026 has 30 days (43,200 minutes). */
const monthly: SloDefinition = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'availability' },
  spec: {
    indicatorRef: 'http',
    timeWindow: [{ duration: '1M', isRolling: false, calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' } }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
  },
};

describe.each(databases.eachSupportedId())('incident budget shares on %p', databaseId => {
  // The case: 1,000 requests a minute; a 30-minute incident at 10% errors = 3,000 bad events. Against the
  // whole month's budget (0.1% x 1,000 x 43,200 = 43,200 events) it spends 3,000 / 43,200 = 0.0694444444444, at
  // 00:00 on the 1st as on the 15th; counting only the events seen so far gave 100 (10,000%) and 0.1486.
  async function assess(incidentStartMs: number, historyFromMs: number) {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const { slo } = await store.slo.upsertSlo({ entityRef: CHECKOUT, definition: monthly, source: 'api', now: historyFromMs });
    const samples = [];
    // Quiet hours before the incident, as hourly samples of 60,000 good requests.
    for (let ts = historyFromMs; ts < incidentStartMs; ts += HOUR) samples.push({ sloId: slo.id, ts, good: 60_000, total: 60_000 });
    // The incident: every minute 900 good of 1,000.
    for (let m = 0; m < 30; m++) samples.push({ sloId: slo.id, ts: incidentStartMs + m * MIN, good: 900, total: 1_000 });
    await store.slo.writeSamples(samples);
    const endMs = incidentStartMs + 30 * MIN;
    await store.dora.ingest(
      { incidents: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: incidentStartMs, resolvedAt: endMs, environment: 'production' }] },
      { productionEnvironments: ['production'] },
    );
    await assessIncidentBudgets(
      store,
      { from: incidentStartMs, to: endMs },
      { postmortemBudgetShare: 0.2, nowMs: endMs },
    );
    const [row] = await store.decisions.incidents.review({
      from: incidentStartMs,
      to: endMs,
      productionEnvironments: ['production'],
      incidentAttributionWindowMs: DAY,
    });
    return row;
  }

  it('measures an incident at 00:00 on the 1st against the whole month', async () => {
    const first = Date.parse('2026-11-01T00:00:00Z');
    const row = await assess(first, first);
    expect(row).toMatchObject({ budgetShare: 0.0694444444444, postmortemRequired: false });
  });

  it('gives the same share on the 15th', async () => {
    // 14 days of 1,440,000 requests + the incident's 30,000 = 20,190,000 over 20,190 minutes, scaled to 43,200.
    const row = await assess(Date.parse('2026-11-15T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z'));
    expect(row).toMatchObject({ budgetShare: 0.0694444444444, postmortemRequired: false });
  });
});
