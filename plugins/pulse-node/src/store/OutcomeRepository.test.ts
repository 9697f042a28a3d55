import { TestDatabases } from '@backstage/backend-test-utils';
import { OutcomeDocument } from '@pulse/plugin-pulse-common';
import { outcomeKey, outcomeMetricKey, OutcomeValueRecord } from './OutcomeRepository';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const at = (iso: string) => Date.parse(iso);
const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'group:default/payments';

const document = (name: string): OutcomeDocument => ({
  apiVersion: 'pulse.dev/v1',
  kind: 'Outcome',
  metadata: { name },
  spec: {
    title: 'More buyers complete checkout',
    objective: 'OKR: grow first-time purchases',
    keyResult: { name: 'Conversion', unit: '%', direction: 'up', baseline: 2, target: 3, start: '2026-11-02', due: '2027-01-25' },
    customerSignal: { name: 'Support tickets', unit: 'tickets', direction: 'down' },
  },
});

const value = (timestamp: string, v: number, extra: Partial<OutcomeValueRecord> = {}): OutcomeValueRecord => ({
  ownerRef: CHECKOUT,
  outcomeId: 'conversion',
  metric: 'keyResult',
  timestamp: at(timestamp),
  value: v,
  source: 'push',
  ...extra,
});

/** Two ISO weeks in UTC: Monday 2026-11-02 to Monday 11-09, and 11-09 to 11-16. */
const weeks = [
  { start: at('2026-11-02T00:00:00Z'), end: at('2026-11-09T00:00:00Z') },
  { start: at('2026-11-09T00:00:00Z'), end: at('2026-11-16T00:00:00Z') },
];

describe.each(databases.eachSupportedId())('OutcomeRepository on %p', databaseId => {
  async function store() {
    return PulseStore.fromClient(await databases.init(databaseId));
  }

  it('stores a document per owner and id, tells created from replaced, deletes it with its values', async () => {
    const { outcomes } = await store();
    const first = await outcomes.upsertOutcome({ ownerRef: CHECKOUT, document: document('conversion'), source: 'api', now: 1 });
    expect(first.created).toBe(true);
    const again = await outcomes.upsertOutcome({ ownerRef: 'Component:default/Checkout', document: document('conversion'), source: 'api', now: 2 });
    expect(again).toMatchObject({ created: false, outcome: { ownerRef: CHECKOUT, id: 'conversion', createdAt: 1, updatedAt: 2 } });
    await outcomes.upsertOutcome({ ownerRef: PAYMENTS, document: document('team-okr'), source: 'annotation', sourceLocation: 'file:/x.yaml', now: 3 });

    expect((await outcomes.listOutcomes([CHECKOUT])).map(o => o.id)).toEqual(['conversion']);
    expect((await outcomes.listOutcomes()).map(o => `${o.ownerRef} ${o.id}`)).toEqual([
      `${CHECKOUT} conversion`,
      `${PAYMENTS} team-okr`,
    ]);
    expect(await outcomes.existingOutcomes([{ ownerRef: CHECKOUT, outcomeId: 'conversion' }, { ownerRef: CHECKOUT, outcomeId: 'nope' }])).toEqual(
      new Set([outcomeKey(CHECKOUT, 'conversion')]),
    );

    await outcomes.writeValues([value('2026-11-03T10:00:00Z', 2.1)]);
    expect(await outcomes.deleteOutcome(CHECKOUT, 'conversion')).toBe(true);
    expect(await outcomes.deleteOutcome(CHECKOUT, 'conversion')).toBe(false);
    expect((await outcomes.latestValues([CHECKOUT], at('2027-01-01T00:00:00Z'))).size).toBe(0);
    // Discovery prunes an owner's annotation outcomes gone from its files; API ones stay.
    await outcomes.upsertOutcome({ ownerRef: PAYMENTS, document: document('by-hand'), source: 'api', now: 4 });
    expect(await outcomes.deleteOutcomesExcept(PAYMENTS, 'annotation', [])).toEqual(['team-okr']);
    expect((await outcomes.listOutcomes([PAYMENTS])).map(o => o.id)).toEqual(['by-hand']);
  });

  it('replaces a value pushed again for the same instant, and aggregates the mean of each week in SQL', async () => {
    const { outcomes } = await store();
    // Week 1: 2.0 and 2.4, pushed twice (the retry must not count twice): mean (2.0 + 2.4) / 2 = 2.2.
    // Week 2: 2.5 and 2.9 first, then 2.9 corrected to 2.7: mean (2.5 + 2.7) / 2 = 2.6.
    // Customer signal: 40 tickets in week 2 only. A value before the weeks (10-30) is left out of the series.
    const batch = [value('2026-11-03T10:00:00Z', 2.0), value('2026-11-06T10:00:00Z', 2.4)];
    expect(await outcomes.writeValues(batch)).toBe(2);
    expect(await outcomes.writeValues(batch)).toBe(2);
    await outcomes.writeValues([
      value('2026-10-30T10:00:00Z', 9),
      value('2026-11-10T10:00:00Z', 2.5),
      value('2026-11-12T10:00:00Z', 2.9),
      value('2026-11-12T10:00:00Z', 2.7), // the last item of a batch for a key wins
      value('2026-11-11T00:00:00Z', 40, { metric: 'customerSignal' }),
    ]);

    const series = await outcomes.weeklyMeans([CHECKOUT], weeks);
    expect(series.get(outcomeMetricKey(CHECKOUT, 'conversion', 'keyResult'))![0]).toBeCloseTo(2.2, 9);
    expect(series.get(outcomeMetricKey(CHECKOUT, 'conversion', 'keyResult'))![1]).toBeCloseTo(2.6, 9);
    expect(series.get(outcomeMetricKey(CHECKOUT, 'conversion', 'customerSignal'))).toEqual([null, 40]);

    // The latest values: 2.7 at 11-12 (before 11-16), and 2.4 at 11-06 when read as of 11-09.
    const latest = await outcomes.latestValues([CHECKOUT], at('2026-11-16T00:00:00Z'));
    expect(latest.get(outcomeMetricKey(CHECKOUT, 'conversion', 'keyResult'))).toEqual({ value: 2.7, atMs: at('2026-11-12T10:00:00Z') });
    expect(latest.get(outcomeMetricKey(CHECKOUT, 'conversion', 'customerSignal'))).toEqual({ value: 40, atMs: at('2026-11-11T00:00:00Z') });
    const earlier = await outcomes.latestValues([CHECKOUT], at('2026-11-09T00:00:00Z'));
    expect(earlier.get(outcomeMetricKey(CHECKOUT, 'conversion', 'keyResult'))).toEqual({ value: 2.4, atMs: at('2026-11-06T10:00:00Z') });
  });
});
