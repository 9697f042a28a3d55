import {
  doraCalendarOf,
  doraCountedPeriods,
  doraIsTimeZone,
  doraLocalDay,
  doraOffsetSegments,
  doraWeekKey,
} from './calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string) => Date.parse(iso);

describe('doraLocalDay', () => {
  it('numbers the local date of an instant in the zone', () => {
    // 2026-10-24T22:30Z is 00:30 on the 25th in Berlin (CEST, +2 h), still the 24th in UTC.
    expect(doraLocalDay(utc('2026-10-24T22:30:00Z'), 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25) / DAY);
    expect(doraLocalDay(utc('2026-10-24T22:30:00Z'), 'UTC')).toBe(Date.UTC(2026, 9, 24) / DAY);
    // 03:00Z on the 2nd is 22:00 on the 1st in New York (EST, -5 h).
    expect(doraLocalDay(utc('2026-12-02T03:00:00Z'), 'America/New_York')).toBe(Date.UTC(2026, 11, 1) / DAY);
  });
});

describe('doraWeekKey', () => {
  it('starts ISO weeks on Mondays: 1970-01-01 (day 0) was a Thursday', () => {
    // day 3 = Sunday 1970-01-04, still week 0; day 4 = Monday 1970-01-05, week 1; day -3 = Monday 1969-12-29, week 0.
    expect([doraWeekKey(-3), doraWeekKey(0), doraWeekKey(3), doraWeekKey(4), doraWeekKey(10), doraWeekKey(11)]).toEqual([
      0, 0, 0, 1, 1, 2,
    ]);
  });
});

describe('doraOffsetSegments', () => {
  it('finds the end of summer time in Berlin to the millisecond', () => {
    // CEST (+2 h) ends on Sunday 2026-10-25 at 03:00 local = 01:00Z; CET (+1 h) applies from then on.
    expect(doraOffsetSegments(utc('2026-10-01T00:00:00Z'), utc('2026-11-01T00:00:00Z'), 'Europe/Berlin')).toEqual([
      { from: utc('2026-10-01T00:00:00Z'), offsetMs: 2 * HOUR },
      { from: utc('2026-10-25T01:00:00Z'), offsetMs: HOUR },
    ]);
  });

  it('has one segment for UTC', () => {
    expect(doraOffsetSegments(0, 400 * DAY, 'UTC')).toEqual([{ from: 0, offsetMs: 0 }]);
  });
});

describe('doraCalendarOf', () => {
  it('splits October 2026 (UTC) into ISO weeks, clipped, three of them whole', () => {
    // Thursday 1 October to Sunday 1 November: 28 Sep-5 Oct (4 days inside), three whole weeks, 26 Oct-2 Nov (6 days).
    const { weeks, months } = doraCalendarOf({ from: utc('2026-10-01T00:00:00Z'), to: utc('2026-11-01T00:00:00Z') }, 'UTC');
    expect(weeks.map(w => [new Date(w.start).toISOString().slice(0, 10), w.days, w.full])).toEqual([
      ['2026-10-01', 4, false],
      ['2026-10-05', 7, true],
      ['2026-10-12', 7, true],
      ['2026-10-19', 7, true],
      ['2026-10-26', 6, false],
    ]);
    expect(weeks[1].key).toBe(doraWeekKey(Date.UTC(2026, 9, 5) / DAY));
    // October is whole: key 2026 * 12 + 9.
    expect(months).toEqual([
      {
        key: 2026 * 12 + 9,
        firstDay: Date.UTC(2026, 9, 1) / DAY,
        start: utc('2026-10-01T00:00:00Z'),
        end: utc('2026-11-01T00:00:00Z'),
        days: 31,
        full: true,
      },
    ]);
  });

  it('gives the week of the clock change its 169 hours as 7 calendar days in Berlin', () => {
    const { weeks } = doraCalendarOf(
      { from: utc('2026-10-18T22:00:00Z'), to: utc('2026-10-25T23:00:00Z') }, // Mon 19 Oct 00:00 CEST to Mon 26 Oct 00:00 CET
      'Europe/Berlin',
    );
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({ days: 7, full: true, end: weeks[0].start + 169 * HOUR });
  });

  it('rejects a name that is not a time zone', () => {
    expect(doraIsTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => doraCalendarOf({ from: 0, to: DAY }, 'Mars/Olympus_Mons')).toThrow("'Mars/Olympus_Mons' is not an IANA time zone");
  });
});

describe('doraCountedPeriods', () => {
  it('counts only whole months, or the partial ones when there is no whole one', () => {
    // 15 Sep to 15 Dec: September and December are partial, October and November whole.
    const { months } = doraCalendarOf({ from: utc('2026-09-15T00:00:00Z'), to: utc('2026-12-15T00:00:00Z') }, 'UTC');
    expect(doraCountedPeriods(months).map(m => m.key % 12)).toEqual([9, 10]);
    const short = doraCalendarOf({ from: utc('2026-09-15T00:00:00Z'), to: utc('2026-10-15T00:00:00Z') }, 'UTC');
    expect(doraCountedPeriods(short.months).map(m => m.key % 12)).toEqual([8, 9]);
  });
});
