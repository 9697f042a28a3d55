import { TestDatabases } from '@backstage/backend-test-utils';
import { oncallCalendarOf } from '@pulse/plugin-pulse-common';
import { foldPages } from './OncallRepository';
import { OncallPageRecord, OncallQueryScope } from './OncallTypes';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
const CHECKOUT = 'component:default/checkout';
const BOB = 'user:default/bob';
const ADA = 'user:default/ada';

const page = (id: string, triggeredAt: string, extra: Partial<OncallPageRecord> = {}): OncallPageRecord => ({
  id,
  entityRef: CHECKOUT,
  triggeredAt: at(triggeredAt),
  urgency: 'high',
  ...extra,
});
const after = (iso: string, minutes: number) => at(iso) + minutes * MINUTE;

/**
 * Two weeks in Berlin around the end of summer time (CEST +2 h until Sunday 2026-10-25 01:00Z, CET +1 h after):
 * Monday 10-19 00:00 CEST = 10-18T22:00Z to Monday 11-02 00:00 CET = 11-01T23:00Z.
 */
const window = { from: at('2026-10-18T22:00:00Z'), to: at('2026-11-01T23:00:00Z') };
const FIXTURE: OncallPageRecord[] = [
  // Friday 17:59 CEST: working hours. Acknowledged after 3 min.
  page('p1', '2026-10-23T15:59:00Z', { acknowledgedAt: after('2026-10-23T15:59:00Z', 3), responderRef: BOB }),
  // Friday 18:30 CEST: off-hours. 10 min.
  page('p2', '2026-10-23T16:30:00Z', { acknowledgedAt: after('2026-10-23T16:30:00Z', 10), responderRef: BOB }),
  // Saturday 23:30 CEST: off-hours, night; resolved after 4 min, never acknowledged: noise.
  page('p3', '2026-10-24T21:30:00Z', { resolvedAt: after('2026-10-24T21:30:00Z', 4), responderRef: ADA }),
  // Sunday 02:30 CET, just after the change: off-hours, night. 1 min.
  page('p4', '2026-10-25T01:30:00Z', { acknowledgedAt: after('2026-10-25T01:30:00Z', 1), responderRef: BOB }),
  // Sunday 23:30 CET: still the first week (at +2 h it would be Monday 00:30, the second). Resolved after 6 min
  // without acknowledgement: longer than 5 min, not noise. Nobody named.
  page('p5', '2026-10-25T22:30:00Z', { resolvedAt: after('2026-10-25T22:30:00Z', 6) }),
  // Monday 07:30 CET: off-hours, no longer night (at +2 h it would be 08:30, working hours). 20 min.
  page('p6', '2026-10-26T06:30:00Z', { acknowledgedAt: after('2026-10-26T06:30:00Z', 20), responderRef: ADA }),
  // Tuesday 11:00 CET, low urgency: not counted.
  page('p7', '2026-10-27T10:00:00Z', { urgency: 'low', responderRef: ADA }),
  // Wednesday 13:00 CET: working hours. 5 min, resolved at once: acknowledged, so not noise.
  page('p8', '2026-10-28T12:00:00Z', { acknowledgedAt: after('2026-10-28T12:00:00Z', 5), resolvedAt: after('2026-10-28T12:00:00Z', 5), responderRef: BOB }),
  // The window is [from, to): Monday 11-02 00:00 CET is outside, Sunday 10-18 23:59 CEST before it.
  page('p9', '2026-11-01T23:00:00Z', { responderRef: BOB }),
  page('p10', '2026-10-18T21:59:00Z', { responderRef: BOB }),
  // Another component's page for bob: Thursday 22:00 CET, off-hours and night.
  page('p11', '2026-10-29T21:00:00Z', { entityRef: 'component:default/search', responderRef: BOB }),
];

describe('foldPages', () => {
  it('keeps the first value of every field and fills only the empty ones from later events of the same page', () => {
    const folded = foldPages([
      page('q', '2026-10-20T10:00:00Z'),
      page('q', '2026-10-20T09:00:00Z', { acknowledgedAt: at('2026-10-20T10:05:00Z'), responderRef: ADA }),
      page('q', '2026-10-20T10:00:00Z', { acknowledgedAt: at('2026-10-20T10:09:00Z'), responderRef: BOB, resolvedAt: at('2026-10-20T11:00:00Z') }),
    ]);
    expect(folded).toEqual([
      page('q', '2026-10-20T10:00:00Z', {
        acknowledgedAt: at('2026-10-20T10:05:00Z'),
        responderRef: ADA,
        resolvedAt: at('2026-10-20T11:00:00Z'),
      }),
    ]);
  });
});

describe.each(databases.eachSupportedId())('OncallRepository on %p', databaseId => {
  let store: PulseStore;
  const scope = (extra: Partial<OncallQueryScope>): OncallQueryScope => ({
    ...window,
    offsets: oncallCalendarOf(window, 'Europe/Berlin').offsets,
    ...extra,
  });

  beforeAll(async () => {
    store = await PulseStore.fromClient(await databases.init(databaseId));
  });

  it('writes a batch and answers how many distinct pages it held', async () => {
    expect(await store.oncall.ingest(FIXTURE)).toBe(11);
  });

  it('counts pages per week, off-hours, night and noise on the team’s clock, across the clock change', async () => {
    const stats = await store.oncall.pageStats(scope({ entityRefs: [CHECKOUT] }));
    expect(stats).toMatchObject({ pages: 7, offHoursPages: 5, nightPages: 3, noisePages: 1 });
    // Week keys: Monday 10-19 is local day 20745, (20745 + 3) / 7 = 2964; the next week 2965.
    // Week 1: p1-p5, off-hours p2-p5, night p3-p5. Week 2: p6 (off-hours) and p8.
    expect(stats.weekly).toEqual([
      { weekKey: 2964, pages: 5, offHoursPages: 4, nightPages: 3 },
      { weekKey: 2965, pages: 2, offHoursPages: 1, nightPages: 0 },
    ]);
  });

  it('takes the median and p90 time to acknowledge from the acknowledged pages', async () => {
    const stats = await store.oncall.pageStats(scope({ entityRefs: [CHECKOUT] }));
    // [1, 3, 5, 10, 20] min: median rank 3 = 5; p90 at (5 - 1) * 0.9 = 3.6: 10 + 0.6 * (20 - 10) = 16.
    expect([stats.acknowledged, stats.ackMedianMs! / MINUTE, stats.ackP90Ms! / MINUTE]).toEqual([5, 5, 16]);
  });

  it('counts pages per responder and one responder’s pages over every entity', async () => {
    expect(await store.oncall.pagesPerResponder(scope({ entityRefs: [CHECKOUT] }))).toEqual(
      new Map([
        [BOB, 4],
        [ADA, 2],
      ]),
    );
    // bob: p1, p2 (off), p4 (off, night), p8, p11 of search (off, night).
    expect(await store.oncall.pageStats(scope({ responderRef: BOB }))).toMatchObject({ pages: 5, offHoursPages: 3, nightPages: 2 });
  });

  it('reads the same pages in UTC differently: p5 falls in the second week, p6 is night', async () => {
    const utcScope = scope({ entityRefs: [CHECKOUT], offsets: [{ from: window.from, offsetMs: 0 }] });
    const stats = await store.oncall.pageStats(utcScope);
    // UTC: p1 Fri 15:59 working, p2 16:30 working, p3 Sat 21:30 off, p4 Sun 01:30 off+night, p5 Sun 22:30 off+night
    // (still Sunday in UTC), p6 Mon 06:30 off+night, p8 Wed 12:00 working: off-hours 4, night 3.
    expect(stats).toMatchObject({ pages: 7, offHoursPages: 4, nightPages: 3 });
  });

  it('is idempotent by id: a later event fills empty fields and never overwrites a stored fact', async () => {
    const before = await store.oncall.pageStats(scope({ entityRefs: [CHECKOUT] }));
    // p5 again: now acknowledged by ada at 22:32; an attempt to move its trigger and p2's acknowledgement and responder.
    expect(
      await store.oncall.ingest([
        page('p5', '2026-10-25T10:00:00Z', { acknowledgedAt: after('2026-10-25T22:30:00Z', 2), responderRef: ADA }),
        page('p2', '2026-10-23T16:30:00Z', { acknowledgedAt: after('2026-10-23T16:30:00Z', 1), responderRef: ADA }),
      ]),
    ).toBe(2);
    const stats = await store.oncall.pageStats(scope({ entityRefs: [CHECKOUT] }));
    // Still 7 pages; p5 stays on Sunday night; now 6 acknowledged: [1, 2, 3, 5, 10, 20], median (3 + 5) / 2 = 4.
    expect(stats).toMatchObject({ pages: 7, offHoursPages: before.offHoursPages, nightPages: before.nightPages, acknowledged: 6 });
    expect(stats.ackMedianMs! / MINUTE).toBe(4);
    // p2 stays bob's; p5 is now ada's: bob 4, ada 3.
    expect(await store.oncall.pagesPerResponder(scope({ entityRefs: [CHECKOUT] }))).toEqual(
      new Map([
        [BOB, 4],
        [ADA, 3],
      ]),
    );
  });
});
