import { oncallCalendarOf, oncallClockOf } from './calendar';

const utc = (iso: string) => Date.parse(iso);

describe('oncallClockOf', () => {
  it('reads hours and weekdays on the team’s clock, across the end of summer time in Berlin', () => {
    // CEST (+2 h) until Sunday 2026-10-25 01:00Z, CET (+1 h) after.
    // Friday 15:59Z = 17:59 CEST: working hours.
    expect(oncallClockOf(utc('2026-10-23T15:59:00Z'), 'Europe/Berlin')).toEqual({ offHours: false, night: false });
    // Friday 16:30Z = 18:30 CEST: off-hours, not yet night.
    expect(oncallClockOf(utc('2026-10-23T16:30:00Z'), 'Europe/Berlin')).toEqual({ offHours: true, night: false });
    // Friday 20:00Z = 22:00 CEST: night.
    expect(oncallClockOf(utc('2026-10-23T20:00:00Z'), 'Europe/Berlin')).toEqual({ offHours: true, night: true });
    // Sunday 01:30Z = 02:30 CET (after the change): a weekend night.
    expect(oncallClockOf(utc('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({ offHours: true, night: true });
    // Sunday 11:00Z = 12:00 CET: off-hours (weekend), not night.
    expect(oncallClockOf(utc('2026-10-25T11:00:00Z'), 'Europe/Berlin')).toEqual({ offHours: true, night: false });
    // Monday 06:30Z = 07:30 CET: morning off-hours, no longer night; the same instant in UTC (06:30) is night.
    expect(oncallClockOf(utc('2026-10-26T06:30:00Z'), 'Europe/Berlin')).toEqual({ offHours: true, night: false });
    expect(oncallClockOf(utc('2026-10-26T06:30:00Z'), 'UTC')).toEqual({ offHours: true, night: true });
    // Monday 07:00Z = 08:00 CET: working hours.
    expect(oncallClockOf(utc('2026-10-26T07:00:00Z'), 'Europe/Berlin')).toEqual({ offHours: false, night: false });
  });
});

describe('oncallCalendarOf', () => {
  it('gives the week of a clock change its 14 shifts although it lasts 169 hours', () => {
    // Monday 2026-10-19 00:00 CEST = 10-18 22:00Z to Monday 10-26 00:00 CET = 10-25 23:00Z.
    const calendar = oncallCalendarOf({ from: utc('2026-10-18T22:00:00Z'), to: utc('2026-10-25T23:00:00Z') }, 'Europe/Berlin');
    expect(calendar.weeks).toEqual([
      // week key: local day of Monday 2026-10-19 = 20745; (20745 + 3) / 7 = 2964
      { key: 2964, start: utc('2026-10-18T22:00:00Z'), end: utc('2026-10-25T23:00:00Z'), shifts: 14 },
    ]);
    expect(calendar.offsets.map(segment => segment.offsetMs / 3_600_000)).toEqual([2, 1]);
  });

  it('clips the weeks at the window’s edges and counts their shifts in local hours', () => {
    // Thursday 2026-12-03 12:00Z to Tuesday 12-08 00:00Z in UTC: Thu 12:00 - Mon 00:00 is 3.5 days = 7 shifts,
    // Mon 00:00 - Tue 00:00 is 1 day = 2 shifts.
    const calendar = oncallCalendarOf({ from: utc('2026-12-03T12:00:00Z'), to: utc('2026-12-08T00:00:00Z') }, 'UTC');
    expect(calendar.weeks.map(week => week.shifts)).toEqual([7, 2]);
  });
});
